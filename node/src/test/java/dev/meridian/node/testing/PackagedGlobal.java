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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PackagedGlobal runs the global module's {@code target/meridian-global.jar} (system property
 * {@code meridian.global.jar}; the zone never depends on the global, so it is a separate process).
 * It runs it as {@code bin/meridian-global} does, on free ports of 127.0.0.1 with its own data dir,
 * and talks to its HTTP API. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the
 * same ports and data. {@link #startCluster} runs several as replicas of one cluster.
 */
public final class PackagedGlobal implements AutoCloseable {
  /** Longer than a replicated write may wait for a writer that moves (15 s). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path dir;
  private final Map<String, String> env;
  private final int apiPort;
  private final int kdsPort;
  private final int diagnosticsPort;
  private final List<String> javaOptions;
  private Process process;
  private int starts;

  private PackagedGlobal(Path dir, Map<String, String> extraEnv, List<String> javaOptions)
      throws IOException {
    this.dir = dir;
    this.javaOptions = List.copyOf(javaOptions);
    this.apiPort = freePort();
    this.kdsPort = freePort();
    this.diagnosticsPort = freePort();
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("MERIDIAN_API_PORT", Integer.toString(apiPort));
    env.put("MERIDIAN_KDS_PORT", Integer.toString(kdsPort));
    env.put("MERIDIAN_DIAGNOSTICS_PORT", Integer.toString(diagnosticsPort));
    env.put("MERIDIAN_DATA_DIR", dir.resolve("data").toString());
    this.env = Map.copyOf(env);
  }

  /** Starts a global in {@code dir} and waits until it is ready. */
  public static PackagedGlobal start(Path dir) throws IOException {
    PackagedGlobal global = new PackagedGlobal(dir, Map.of(), List.of());
    global.startAgain();
    return global;
  }

  /**
   * Starts {@code count} globals as replicas of one cluster (in {@code dir}/replica-0..), with
   * {@code MERIDIAN_CLUSTER_SEEDS} naming all of them, and waits until each is ready (which a
   * replica is once it reaches a majority).
   */
  public static List<PackagedGlobal> startCluster(Path dir, int count, Duration stableAfter)
      throws IOException {
    // Several JVMs start at once on a small CI machine: compile and collect cheaply.
    return startCluster(
        dir, count, stableAfter, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
  }

  /**
   * The same with the replicas' JVM options: none, as for {@link #start}, where their speed is
   * measured. When one replica does not get ready, every one started is stopped.
   */
  public static List<PackagedGlobal> startCluster(
      Path dir, int count, Duration stableAfter, List<String> javaOptions) throws IOException {
    List<String> seeds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeds.add("127.0.0.1:" + freePort());
    }
    List<PackagedGlobal> replicas = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path replicaDir = Files.createDirectories(dir.resolve("replica-" + i));
      replicas.add(
          new PackagedGlobal(
              replicaDir,
              Map.of(
                  "MERIDIAN_CLUSTER_SEEDS", String.join(",", seeds),
                  "MERIDIAN_CLUSTER_PORT", seeds.get(i).substring("127.0.0.1:".length()),
                  "MERIDIAN_CLUSTER_STABLE_AFTER", stableAfter.toMillis() + "ms"),
              javaOptions));
    }
    try {
      for (PackagedGlobal replica : replicas) {
        replica.launch();
      }
      for (PackagedGlobal replica : replicas) {
        replica.awaitReady();
      }
    } catch (IOException | RuntimeException | Error e) {
      for (PackagedGlobal replica : replicas) {
        try {
          replica.close();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throw e;
    }
    return replicas;
  }

  /** Starts the process (again) on the same ports and data dir and waits until it is ready. */
  public void startAgain() throws IOException {
    launch();
    awaitReady();
  }

  /** Starts the process (again) on the same ports and data dir, without waiting. */
  public void launch() throws IOException {
    String jar = System.getProperty("meridian.global.jar");
    assertThat(jar)
        .as("system property meridian.global.jar (set by the module's failsafe configuration)")
        .isNotNull();
    assertThat(Path.of(jar))
        .as("the global's jar; build it with: mvn -DskipTests package -pl global -am")
        .exists();
    ProcessBuilder builder =
        new ProcessBuilder(JavaCommand.of(jar, javaOptions))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("global-" + ++starts + ".log").toFile());
    builder.environment().putAll(env);
    process = builder.start();
  }

  /** Waits until {@code /ready} answers 200, failing early when the process exits. */
  public void awaitReady() {
    HttpRequest ready =
        HttpRequest.newBuilder(diagnostics("/ready")).timeout(Duration.ofSeconds(5)).build();
    await()
        .atMost(Duration.ofSeconds(120))
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
        HttpRequest.newBuilder(api(path)).timeout(REQUEST_TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> put(String path, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(api(path))
            .header("Content-Type", contentType)
            .timeout(REQUEST_TIMEOUT)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(api(path)).timeout(REQUEST_TIMEOUT).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a diagnostics path such as {@code /ready}. */
  public int status(String path) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(diagnostics(path)).timeout(REQUEST_TIMEOUT).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * The value of one sample on the global's {@code /metrics}, e.g. {@code
   * kds_resources_sync_total{direction="global_to_zone",zone_name="east"}}; -1 when absent.
   */
  public double metric(String sample) throws IOException, InterruptedException {
    String text =
        HTTP.send(
                HttpRequest.newBuilder(diagnostics("/metrics")).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return Metrics.sample(text, sample);
  }

  /** SIGTERM, and waits for a graceful stop. */
  public void stop() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("global stopped").isTrue();
  }

  /** SIGSTOP: the process stays, frozen, with its sockets open. */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause}. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    assertThat(kill.waitFor()).as("kill -%s %s", name, process.pid()).isZero();
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
