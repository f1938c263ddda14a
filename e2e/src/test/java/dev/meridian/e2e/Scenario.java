package dev.meridian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import dev.meridian.zone.xds.AdsClient;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the scenarios share: the packaged meridianctl, zones started and ready, dataplanes
 * registered through a zone's HTTP API, and proxies (raw ADS clients) whose listeners are awaited.
 */
final class Scenario {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicInteger RUNS = new AtomicInteger();

  private Scenario() {}

  record Result(int exit, String out, String err) {}

  /** Runs the packaged meridianctl in {@code dir} with its own config file. */
  static Result meridianctl(Path dir, String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-jar", System.getProperty("meridianctl.jar")));
    command.addAll(List.of(args));
    int run = RUNS.incrementAndGet();
    Path out = dir.resolve("ctl-" + run + ".out");
    Path err = dir.resolve("ctl-" + run + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("MERIDIAN_CONFIG", dir.resolve("ctl-config.yaml").toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("meridianctl finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** {@code meridianctl apply -f FILE --cp GLOBAL} with {@code yaml}; must succeed. */
  static void apply(Path dir, PackagedGlobal global, String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("apply-" + RUNS.get() + ".yaml"), yaml);
    applyFile(dir, global, file);
  }

  static void applyFile(Path dir, PackagedGlobal global, Path file) throws Exception {
    Result result = meridianctl(dir, "apply", "-f", file.toString(), "--cp", cp(global));
    assertThat(result.exit()).as("meridianctl apply: %s %s", result.out(), result.err()).isZero();
  }

  static String cp(PackagedGlobal global) {
    return global.api("").toString();
  }

  /** The demo's east/west MeshTraces, from the repository's examples. */
  static Path example(String name) {
    return Path.of(System.getProperty("user.dir")).resolve("../examples/demo/" + name).normalize();
  }

  /**
   * A zone in {@code dir/<name>}, started without waiting, so that several zones start together;
   * {@link #register} waits for its API and for the mesh from the global (a zone is ready only once
   * it has synced a non-empty state).
   */
  static PackagedZone zone(Path dir, String name, PackagedGlobal global) throws Exception {
    Path zoneDir = Files.createDirectories(dir.resolve(name));
    PackagedZone zone = new PackagedZone(zoneDir, name, global.kdsPort());
    zone.start();
    return zone;
  }

  static PackagedGlobal global(Path dir) throws Exception {
    return PackagedGlobal.start(Files.createDirectories(dir.resolve("global")));
  }

  /** PUTs a Dataplane on the zone's API, once the zone has the mesh from the global. */
  static void register(PackagedZone zone, String name, String service, String address)
      throws Exception {
    String dataplane =
        """
        type: Dataplane
        name: %s
        mesh: default
        networking:
          address: %s
          inbound:
          - port: 8080
            servicePort: 18080
            tags: {kuma.io/service: %s, kuma.io/protocol: http}
        """
            .formatted(name, address, service);
    await()
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(
            () ->
                List.of(200, 201)
                    .contains(
                        zone.put("/meshes/default/dataplanes/" + name, dataplane).statusCode()));
  }

  static Node node(String dataplane) {
    return Node.newBuilder().setId("default." + dataplane).build();
  }

  /** The listeners a new proxy of {@code dataplane} gets first from {@code zone}. */
  static String firstListeners(PackagedZone zone, String dataplane) throws InterruptedException {
    try (AdsClient client = new AdsClient(zone.xdsPort(), node(dataplane))) {
      return client.next(AdsClient.LDS).toString();
    }
  }

  /** Awaits until a new proxy of {@code dataplane} gets listeners that satisfy {@code check}. */
  static void awaitFirstListeners(PackagedZone zone, String dataplane, Consumer<String> check) {
    await()
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .untilAsserted(() -> check.accept(firstListeners(zone, dataplane)));
  }

  /**
   * A proxy that stays connected: {@link #awaitListeners} reads the pushes in order until the
   * latest one satisfies the check. Checks should tell the awaited state from the one before it.
   */
  static final class Proxy implements AutoCloseable {
    private final AdsClient client;
    private volatile String listeners;

    Proxy(PackagedZone zone, String dataplane) {
      client = new AdsClient(zone.xdsPort(), node(dataplane));
    }

    void awaitListeners(Consumer<String> check) {
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                if (listeners != null) {
                  try {
                    check.accept(listeners);
                    return;
                  } catch (AssertionError stale) {
                    // wait for the next push
                  }
                }
                listeners = client.next(AdsClient.LDS).toString();
                check.accept(listeners);
              });
    }

    String listeners() {
      return listeners;
    }

    Throwable error() {
      return client.error();
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
