package dev.meridian.node.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * PackagedZone runs {@code target/meridian-zone.jar} (system property {@code meridian.zone.jar}) as
 * {@code bin/meridian-zone} does, on free ports of 127.0.0.1 with its own data dir, and reads its
 * diagnostics. It can be stopped (SIGTERM) and started again on the same ports and data.
 */
public final class PackagedZone implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path dir;
  private final Map<String, String> env;
  private final int diagnosticsPort;
  private final int apiPort;
  private final int xdsPort;
  private Process process;
  private int starts;

  public PackagedZone(Path dir, String zone, int globalKdsPort) throws IOException {
    this(dir, zone, globalKdsPort, Map.of());
  }

  /**
   * With {@code settings}: more {@code MERIDIAN_*} environment variables, which win (e.g. a {@code
   * MERIDIAN_GLOBAL_ADDRESS} listing several global replicas).
   */
  public PackagedZone(Path dir, String zone, int globalKdsPort, Map<String, String> settings)
      throws IOException {
    this.dir = dir;
    this.diagnosticsPort = PackagedGlobal.freePort();
    this.apiPort = PackagedGlobal.freePort();
    this.xdsPort = PackagedGlobal.freePort();
    this.env = new java.util.HashMap<>();
    this.env.putAll(
        Map.of(
            "MERIDIAN_ZONE_NAME", zone,
            "MERIDIAN_GLOBAL_ADDRESS", "127.0.0.1:" + globalKdsPort,
            "MERIDIAN_API_PORT", Integer.toString(apiPort),
            "MERIDIAN_XDS_PORT", Integer.toString(xdsPort),
            "MERIDIAN_DIAGNOSTICS_PORT", Integer.toString(diagnosticsPort),
            "MERIDIAN_DATA_DIR", dir.resolve("data").toString()));
    this.env.putAll(settings);
  }

  /** Starts the process on the same ports and data dir; {@link #status} tells when it serves. */
  public void start() throws IOException {
    String jar = System.getProperty("meridian.zone.jar");
    assertThat(Path.of(jar)).as("the zone's jar, built in the package phase").exists();
    ProcessBuilder builder =
        new ProcessBuilder(JavaCommand.of(jar))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("zone-" + ++starts + ".log").toFile());
    builder.environment().putAll(env);
    process = builder.start();
  }

  public int xdsPort() {
    return xdsPort;
  }

  /** {@code path} on the diagnostics port (health, readiness, {@code /metrics}). */
  public URI diagnostics(String path) {
    return URI.create("http://127.0.0.1:" + diagnosticsPort + path);
  }

  /** {@code PUT path} on the zone's HTTP API. */
  public HttpResponse<String> put(String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET path} on the zone's HTTP API. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The operating-system id of the running process (e.g. to pause it with SIGSTOP). */
  public long pid() {
    return process.pid();
  }

  /** The status of {@code GET path} on the diagnostics port; -1 while nothing listens. */
  public int status(String path) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + diagnosticsPort + path))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  public double metric(String sample) throws IOException, InterruptedException {
    return Metrics.sample(scrape(), sample);
  }

  /** The text of {@code GET /metrics}. */
  public String scrape() throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + diagnosticsPort + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** SIGTERM, and waits for a graceful stop; returns the exit code. */
  public int stop() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("zone stopped").isTrue();
    return process.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(dir.resolve("zone-" + starts + ".log"));
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
