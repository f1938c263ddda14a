package dev.meridian.global.kds;

import static dev.meridian.global.kds.Fixtures.delete;
import static dev.meridian.global.kds.Fixtures.mesh;
import static dev.meridian.global.kds.Fixtures.meshTrace;
import static dev.meridian.global.kds.Fixtures.put;
import static dev.meridian.global.kds.Fixtures.trafficTrace;
import static dev.meridian.global.kds.KdsTestClient.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.global.kds.KdsTestClient.Answer;
import dev.meridian.global.kds.KdsTestClient.ConfigStream;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.ResourceId;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Global → zone: initial state, live changes, reconnects, NACKs and zone replacement. */
class KdsPushIT {
  private final JournaledResourceStore store = JournaledResourceStore.inMemory();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private KdsServer server;
  private KdsTestClient client;

  @BeforeEach
  void start() {
    server = new KdsServer(store, metrics);
    server.start("127.0.0.1", 0);
    client = new KdsTestClient(server.port());
  }

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    server.close();
    store.close();
  }

  @Test
  void zoneReceivesTheGlobalsStateOnConnect() {
    StoredResource mesh = put(store, mesh("default"));
    StoredResource trace = put(store, meshTrace("default", "trace", "http://c:9411/api/v2/spans"));
    StoredResource traffic = put(store, trafficTrace("default", "all"));

    ConfigStream east = client.connect("east", Answer.ACK);

    await().until(() -> east.pushes.size() == 1);
    GlobalPush push = east.push(0);
    assertThat(push.getUpsertsList())
        .extracting(r -> r.getId())
        .containsExactly(ids(mesh, trace, traffic)); // the Mesh first, then by revision
    assertThat(push.getRemovalsList()).isEmpty();
    assertThat(push.getRevision()).isEqualTo(store.revision());
    for (var upsert : push.getUpsertsList()) {
      StoredResource stored = store.get(Wire.key(upsert.getId(), "")).orElseThrow();
      assertThat(upsert.getVersion()).isEqualTo(stored.version());
      assertThat(upsert.getRevision()).isEqualTo(stored.revision());
      assertThat(universal(Fixtures.read(upsert.getUniversalJson().toStringUtf8())))
          .isEqualTo(universal(stored.resource()));
    }
    await()
        .until(
            () -> server.zones().get("east").orElseThrow(),
            s -> s.online() && s.ackedRevision() == store.revision());
  }

  @Test
  void committedChangeIsPushedAtOnceWithoutATimer() {
    put(store, mesh("default"));
    ConfigStream east = client.connect("east", Answer.ACK);
    await().until(() -> east.pushes.size() == 1);

    // Kuma rebuilt zone snapshots on a 1 s timer; each change here must arrive well within that.
    for (int i = 0; i < 3; i++) {
      StoredResource trace = put(store, meshTrace("default", "t" + i, "http://c:9411/x"));
      await()
          .atMost(Duration.ofMillis(500))
          .until(() -> east.state().containsKey(Wire.id(trace.resource().key())));
    }
    delete(store, ResourceKey.of("MeshTrace", "default", "t0"));
    await()
        .atMost(Duration.ofMillis(500))
        .until(() -> !east.state().containsKey(id("MeshTrace", "default", "t0")));
    assertThat(east.state().keySet())
        .containsExactlyInAnyOrder(
            id("Mesh", "", "default"),
            id("MeshTrace", "default", "t1"),
            id("MeshTrace", "default", "t2"));
  }

  @Test
  void reconnectingZoneReceivesOnlyTheDifference() {
    put(store, mesh("default"));
    put(store, trafficTrace("default", "all"));
    put(store, meshTrace("default", "a", "http://old:9411/x"));
    put(store, meshTrace("default", "b", "http://c:9411/x"));
    ConfigStream first = client.connect("east", Answer.ACK);
    await().until(() -> server.zones().get("east").map(ZoneStatus::ackedRevision).orElse(0L) > 0);
    Map<ResourceId, Long> held = new LinkedHashMap<>(first.held());
    first.close();
    await().until(() -> !server.zones().get("east").orElseThrow().online());

    StoredResource changed = put(store, meshTrace("default", "a", "http://new:9411/x"));
    delete(store, ResourceKey.of("MeshTrace", "default", "b"));
    StoredResource added = put(store, meshTrace("default", "c", "http://c:9411/x"));
    held.put(id("MeshTrace", "default", "ghost"), 999L); // held by the zone, unknown here

    ConfigStream second = client.connect("east", held, Answer.ACK);

    await().until(() -> second.pushes.size() == 1);
    GlobalPush push = second.push(0);
    assertThat(push.getUpsertsList())
        .extracting(r -> r.getId())
        .containsExactly(ids(changed, added));
    assertThat(push.getRemovalsList())
        .containsExactlyInAnyOrder(
            id("MeshTrace", "default", "b"), id("MeshTrace", "default", "ghost"));
    assertThat(push.getUpserts(0).getUniversalJson().toStringUtf8()).contains("http://new:9411/x");
    assertThat(push.getRevision()).isEqualTo(store.revision());
  }

  @Test
  void nackIsRecordedAndTheRejectedRevisionIsNotPushedAgain() {
    put(store, mesh("default"));
    ConfigStream east = client.connect("east", Answer.MANUAL);
    await().until(() -> east.pushes.size() == 1);
    east.ack(east.push(0));

    put(store, meshTrace("default", "bad", "http://c:9411/x"));
    await().until(() -> east.pushes.size() == 2);
    ResourceId bad = id("MeshTrace", "default", "bad");
    east.nack(east.push(1), "backend not reachable from this zone", List.of(bad));

    await().until(() -> server.zones().get("east").orElseThrow().nacks() == 1);
    assertThat(server.zones().get("east").orElseThrow().lastNack())
        .isEqualTo("push 2 rejected (MeshTrace default/bad): backend not reachable from this zone");
    assertThat(metrics.get("kds.nack").tag("zone_name", "east").counter().count()).isEqualTo(1);

    // The next push carries the next change only: the rejected revision is not retried.
    put(store, meshTrace("default", "good", "http://c:9411/x"));
    await().until(() -> east.pushes.size() == 3);
    assertThat(east.push(2).getUpsertsList())
        .extracting(r -> r.getId())
        .containsExactly(id("MeshTrace", "default", "good"));
    east.ack(east.push(2));

    // A new revision of the rejected resource is pushed.
    StoredResource fixed = put(store, meshTrace("default", "bad", "http://fixed:9411/x"));
    await().until(() -> east.pushes.size() == 4);
    assertThat(east.push(3).getUpsertsList())
        .extracting(r -> r.getRevision())
        .containsExactly(fixed.revision());
    assertThat(east.pushes).hasSize(4);
  }

  @Test
  void secondConnectionOfAZoneReplacesTheFirst() {
    put(store, mesh("default"));
    ConfigStream first = client.connect("east", Answer.ACK);
    await().until(() -> first.pushes.size() == 1);

    ConfigStream second = client.connect("east", Answer.ACK);

    await().until(() -> first.closed() != null);
    assertThat(first.closed().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(first.closed().getDescription()).contains("replaced");
    await().until(() -> second.pushes.size() == 1);
    StoredResource trace = put(store, meshTrace("default", "t", "http://c:9411/x"));
    await().until(() -> second.state().containsKey(Wire.id(trace.resource().key())));
    assertThat(first.pushes).hasSize(1);
    assertThat(server.zones().list()).singleElement().matches(ZoneStatus::online);
    assertThat(gauge("kds.zone.active.connections", "east")).isEqualTo(1);

    second.close();
    await().until(() -> !server.zones().get("east").orElseThrow().online());
    assertThat(gauge("kds.zone.active.connections", "east")).isZero();
  }

  @Test
  void zoneOriginResourcesAndDataplanesAreNeverPushed() throws InterruptedException {
    put(store, mesh("default"));
    put(store, Fixtures.zoneMeshTrace("west", "default", "west-trace"));
    ConfigStream east = client.connect("east", Answer.ACK);
    await().until(() -> east.pushes.size() == 1);
    assertThat(east.push(0).getUpsertsList())
        .extracting(r -> r.getId())
        .containsExactly(id("Mesh", "", "default"));

    var west = client.upload("west");
    west.send(
        ZoneUpload.newBuilder()
            .setFull(true)
            .addUpserts(
                KdsTestClient.upload(
                    "Dataplane",
                    "default",
                    "web-1",
                    Fixtures.dataplaneJson("default", "web-1", "10.0.0.1"))));
    west.send(ZoneUpload.newBuilder().setFull(true)); // removes both
    assertThat(store.list("Dataplane", null)).isEmpty();
    assertThat(store.list("MeshTrace", null)).isEmpty();

    // A global change after all of the above: once it arrives, nothing else came before it.
    StoredResource barrier = put(store, meshTrace("default", "barrier", "http://c:9411/x"));
    await().until(() -> east.state().containsKey(Wire.id(barrier.resource().key())));
    assertThat(east.pushes).hasSize(2);
    assertThat(east.push(1).getUpsertsList())
        .extracting(r -> r.getId())
        .containsExactly(id("MeshTrace", "default", "barrier"));
    assertThat(east.push(1).getRemovalsList()).isEmpty();
  }

  @Test
  void closeEndsStreamsNormallyAndStopsAccepting() throws InterruptedException {
    put(store, mesh("default"));
    ConfigStream east = client.connect("east", Answer.ACK);
    var upload = client.upload("west");
    upload.send(ZoneUpload.newBuilder().setFull(true));
    await().until(() -> east.pushes.size() == 1);

    long started = System.nanoTime();
    server.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Duration.ofSeconds(KdsServer.GRACE_SECONDS));
    await().until(() -> east.closed() != null && upload.closed() != null);
    assertThat(east.closed().getCode()).isEqualTo(Status.Code.OK);
    assertThat(upload.closed().getCode()).isEqualTo(Status.Code.OK);
    ZoneStatus status = server.zones().get("east").orElseThrow();
    assertThat(status.online()).isFalse();
    assertThat(status.lastDisconnected()).isAfterOrEqualTo(status.lastConnected());

    ConfigStream late = client.connect("late", Answer.ACK);
    await().until(() -> late.closed() != null);
    assertThat(late.closed().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void firstRequestMustNameAValidZone() {
    ConfigStream bad = client.connect("East Zone", Answer.ACK);
    await().until(() -> bad.closed() != null);
    assertThat(bad.closed().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(bad.closed().getDescription()).startsWith("invalid zone name \"East Zone\"");
    assertThat(server.zones().list()).isEmpty();
  }

  private double gauge(String name, String zone) {
    return metrics.get(name).tag("zone_name", zone).gauge().value();
  }

  private static ResourceId[] ids(StoredResource... stored) {
    ResourceId[] ids = new ResourceId[stored.length];
    for (int i = 0; i < stored.length; i++) {
      ids[i] = Wire.id(stored[i].resource().key());
    }
    return ids;
  }

  private static Object universal(Resource resource) {
    return ResourceWriter.toUniversal(resource.withCreationTime(null));
  }
}
