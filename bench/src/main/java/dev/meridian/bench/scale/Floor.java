package dev.meridian.bench.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Floor runs {@link FloorServer} as a child JVM with the harness's classpath and drives it. */
final class Floor implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final int port;

  Floor(Path dir, int dataplanes) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    FloorServer.class.getName(),
                    Integer.toString(dataplanes)))
            .redirectError(dir.resolve("floor.log").toFile())
            .start();
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    try {
      port = Integer.parseInt(expect("listening ").substring("listening ".length()));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Computes (untimed) the round whose collector is {@code host}, mesh-wide or zone-targeted. */
  void prepare(boolean meshWide, String host) throws IOException {
    in.println("prepare " + (meshWide ? "mesh" : "zone") + " " + host);
    expect("prepared");
  }

  /** Sets the prepared round; returns the time just before asking, the round's t0. */
  long go() {
    long t0 = System.nanoTime();
    in.println("go");
    return t0;
  }

  /** Waits until the floor has set every snapshot of the round. */
  void awaitDone() throws IOException {
    expect("done");
  }

  private String expect(String prefix) throws IOException {
    String line = out.readLine();
    if (line == null || !line.startsWith(prefix)) {
      throw new IOException(
          "floor server: expected '" + prefix + "', got " + line + " (see floor.log)");
    }
    return line;
  }

  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
