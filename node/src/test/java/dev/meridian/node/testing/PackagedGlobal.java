package dev.meridian.node.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PackagedGlobal runs the global module's {@code target/meridian-global.jar} (system property
 * {@code meridian.global.jar}; the zone never depends on the global, so it is a separate process).
 * It runs it as {@code bin/meridian-global} does, on free ports of 127.0.0.1 with its own data dir,
 * and talks to its HTTP API. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the
 * same ports and data.
 */
public final class PackagedGlobal implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path dir;
  private final Map<String, String> env;
  private final int apiPort;
  private final int kdsPort;
  private final int diagnosticsPort;
  private Process process;
  private int starts;

  private PackagedGlobal(Path dir) throws IOException {
    this.dir = dir;
    this.apiPort = freePort();
    this.kdsPort = freePort();
    this.diagnosticsPort = freePort();
    this.env =
        Map.of(
            "MERIDIAN_API_PORT", Integer.toString(apiPort),
            "MERIDIAN_KDS_PORT", Integer.toString(kdsPort),
            "MERIDIAN_DIAGNOSTICS_PORT", Integer.toString(diagnosticsPort),
            "MERIDIAN_DATA_DIR", dir.resolve("data").toString());
  }

  /** Starts a global in {@code dir} and waits until it is ready. */
  public static PackagedGlobal start(Path dir) throws IOException {
    PackagedGlobal global = new PackagedGlobal(dir);
    global.startAgain();
    return global;
  }

  /** Starts the process (again) on the same ports and data dir and waits until it is ready. */
  public void startAgain() throws IOException {
    String jar = System.getProperty("meridian.global.jar");
    assertThat(jar)
        .as("system property meridian.global.jar (set by the module's failsafe configuration)")
        .isNotNull();
    assertThat(Path.of(jar))
        .as("the global's jar; build it with: mvn -DskipTests package -pl global -am")
        .exists();
    ProcessBuilder builder =
        new ProcessBuilder(JavaCommand.of(jar))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("global-" + ++starts + ".log").toFile());
    builder.environment().putAll(env);
    process = builder.start();
    HttpRequest ready = HttpRequest.newBuilder(diagnostics("/ready")).build();
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("global running; log: %s", log()).isTrue();
              return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
  }

  /** The operating-system id of the running process. */
  public long pid() {
    return process.pid();
  }

  public int kdsPort() {
    return kdsPort;
  }

  public URI api(String path) {
    return URI.create("http://127.0.0.1:" + apiPort + path);
  }

  public URI diagnostics(String path) {
    return URI.create("http://127.0.0.1:" + diagnosticsPort + path);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(api(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> put(String path, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(api(path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(api(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The value of one sample on the global's {@code /metrics}, e.g. {@code
   * kds_resources_sync_total{direction="global_to_zone",zone_name="east"}}; -1 when absent.
   */
  public double metric(String sample) throws IOException, InterruptedException {
    String text =
        HTTP.send(
                HttpRequest.newBuilder(diagnostics("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return Metrics.sample(text, sample);
  }

  /** SIGTERM, and waits for a graceful stop. */
  public void stop() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("global stopped").isTrue();
  }

  /** SIGKILL: no shutdown hook, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("global killed").isTrue();
  }

  public String log() throws IOException {
    return Files.readString(dir.resolve("global-" + starts + ".log"));
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
