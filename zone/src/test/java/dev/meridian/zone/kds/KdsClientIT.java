package dev.meridian.zone.kds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.zone.ZoneStores;
import dev.meridian.zone.config.HostPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KdsClientIT runs a {@link KdsClient} in this JVM, over a RocksDB local copy in a temp dir,
 * against the packaged global running as a child process.
 */
class KdsClientIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ResourceKey TRACE_A = ResourceKey.of("MeshTrace", "default", "a");

  @TempDir static Path globalDir;
  private static PackagedGlobal global;

  @TempDir Path zoneDir;
  private SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ResourceStore store;
  private KdsClient client;

  @BeforeAll
  static void startGlobal() throws Exception {
    global = PackagedGlobal.start(globalDir);
    put("/meshes/default", "type: Mesh\nname: default");
    put("/meshes/default/meshtraces/a", trace("a", "http://zipkin.a:9411/api/v2/spans"));
  }

  @AfterAll
  static void stopGlobal() throws Exception {
    global.close();
  }

  @AfterEach
  void stopZone() {
    if (client != null) {
      client.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void syncsTheGlobalIntoTheLocalStoreAndFollowsItsChanges() throws Exception {
    startZone("sync");

    await().atMost(TIMEOUT).until(client::isSynced);
    assertThat(store.get(ResourceKey.of("Mesh", "", "default"))).isPresent();
    assertThat(url(TRACE_A)).contains("http://zipkin.a:9411/api/v2/spans");

    put("/meshes/default/meshtraces/sync-b", trace("sync-b", "http://zipkin.b:9411/api/v2/spans"));

    ResourceKey b = ResourceKey.of("MeshTrace", "default", "sync-b");
    await().atMost(TIMEOUT).until(() -> url(b).isPresent());
    assertThat(registry.get("kds.connected").gauge().value()).isEqualTo(1);
    assertThat(registry.get("kds.acks.sent").counter().count()).isGreaterThanOrEqualTo(2);
    assertThat(registry.get("kds.nacks.sent").counter().count()).isZero();
    assertThat(registry.get("kds.last.sync.revision").gauge().value()).isPositive();

    global.delete("/meshes/default/meshtraces/sync-b");
    await().atMost(TIMEOUT).until(() -> store.get(b).isEmpty());
  }

  @Test
  void aReconnectDeclaresWhatItHoldsAndReceivesOnlyTheDifference() throws Exception {
    startZone("diff");
    await().atMost(TIMEOUT).until(client::isSynced);
    String synced = "kds_resources_sync_total{direction=\"global_to_zone\",zone_name=\"diff\"}";
    double before = global.metric(synced);
    assertThat(before).isPositive();
    client.close();

    put("/meshes/default/meshtraces/diff-c", trace("diff-c", "http://zipkin.c:9411/api/v2/spans"));
    registry = new SimpleMeterRegistry(); // a node has one client per registry
    client = newClient("diff");
    client.start();

    ResourceKey c = ResourceKey.of("MeshTrace", "default", "diff-c");
    await().atMost(TIMEOUT).until(() -> url(c).isPresent());
    await().atMost(TIMEOUT).until(client::isSynced);
    assertThat(global.metric(synced)).isEqualTo(before + 1);
  }

  @Test
  void uploadsLocalDataplanesAndTheirRemoval() throws Exception {
    startZone("up");
    await().atMost(TIMEOUT).until(client::isSynced);

    store.put(
        ResourceReader.read(
                """
                {"type": "Dataplane", "mesh": "default", "name": "web-1",
                 "networking": {"address": "10.0.0.1",
                   "inbound": [{"port": 8080, "tags": {"kuma.io/service": "web"}}]}}""")
            .get(0)
            .resource(),
        ResourceStore.ANY);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(global.get("/meshes/default/dataplanes").body())
                    .contains("\"web-1\"")
                    .contains("\"kuma.io/zone\":\"up\"")
                    .contains("\"kuma.io/origin\":\"zone\""));
    assertThat(registry.get("kds.uploads").counter().count()).isGreaterThanOrEqualTo(2);

    store.put(
        ResourceReader.read(
                trace("local", "http://zipkin.up:9411/api/v2/spans")
                    + "labels: {kuma.io/origin: zone, kuma.io/zone: up}\n")
            .get(0)
            .resource(),
        ResourceStore.ANY);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(global.get("/meshes/default/meshtraces").body())
                    .contains("\"local\"")
                    .contains("\"kuma.io/zone\":\"up\""));

    store.delete(ResourceKey.of("Dataplane", "default", "web-1"), ResourceStore.ANY);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(global.get("/meshes/default/dataplanes").body())
                    .doesNotContain("web-1"));
  }

  @Test
  void aKilledGlobalLeavesTheLocalCopyAndTheClientReconnectsWhenItIsBack() throws Exception {
    startZone("kill");
    await().atMost(TIMEOUT).until(client::isSynced);
    List<StoredResource> copy = store.snapshot().resources();

    global.kill();

    await().atMost(TIMEOUT).until(() -> !client.isConnected());
    await().atMost(TIMEOUT).until(() -> registry.get("kds.reconnects").counter().count() >= 2);
    assertThat(registry.get("kds.connected").gauge().value()).isZero();
    assertThat(store.snapshot().resources()).isEqualTo(copy);

    global.startAgain();

    await().atMost(TIMEOUT).until(client::isConnected);
    // Every held revision matched: the restarted global pushed nothing.
    assertThat(
            global.metric(
                "kds_resources_sync_total{direction=\"global_to_zone\",zone_name=\"kill\"}"))
        .isZero();
    assertThat(store.snapshot().resources()).isEqualTo(copy);
    put("/meshes/default/meshtraces/kill-d", trace("kill-d", "http://zipkin.d:9411/api/v2/spans"));
    await()
        .atMost(TIMEOUT)
        .until(() -> url(ResourceKey.of("MeshTrace", "default", "kill-d")).isPresent());
  }

  private void startZone(String zone) {
    store = ZoneStores.open(zoneDir.resolve("data"));
    client = newClient(zone);
    client.start();
  }

  /** Reconnects quickly, so that a test waits for the global, not for the backoff. */
  private KdsClient newClient(String zone) {
    return new KdsClient(
        zone,
        KdsClient.channel(List.of(new HostPort("127.0.0.1", global.kdsPort()))),
        store,
        registry,
        new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), () -> 0.5));
  }

  private Optional<String> url(ResourceKey key) {
    return store
        .get(key)
        .map(
            s ->
                dev.meridian.common.codec.ResourceWriter.toUniversal(s.resource())
                    .at("/spec/default/backends/0/zipkin/url")
                    .asText());
  }

  private static void put(String path, String yaml) throws Exception {
    HttpResponse<String> response = global.put(path, yaml, "application/yaml");
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static String trace(String name, String url) {
    return """
        type: MeshTrace
        name: %s
        mesh: default
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
              - zipkin:
                  url: %s
        """
        .formatted(name, url);
  }
}
