package dev.meridian.global.kds;

import static dev.meridian.global.kds.Fixtures.mesh;
import static dev.meridian.global.kds.Fixtures.meshTrace;
import static dev.meridian.global.kds.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.global.kds.KdsTestClient.Answer;
import dev.meridian.global.kds.KdsTestClient.ConfigStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A zone that stops reading must not stall the others (Kuma deadlocked here, kumahq/kuma#14486),
 * and what waits for it is one entry per key, however many changes were committed.
 */
class KdsSlowZoneIT {
  private static final int KEYS = 50;
  private static final int ROUNDS = 20;

  private final JournaledResourceStore store = JournaledResourceStore.inMemory();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private KdsServer server;
  private KdsTestClient fastClient;
  private KdsTestClient slowClient;

  @BeforeEach
  void start() {
    put(store, mesh("default"));
    server = new KdsServer(store, metrics);
    server.start("127.0.0.1", 0);
    fastClient = new KdsTestClient(server.port());
    slowClient = KdsTestClient.withWindow(server.port(), 1024);
  }

  @AfterEach
  void stop() throws InterruptedException {
    fastClient.close();
    slowClient.close();
    server.close();
    store.close();
  }

  @Test
  void slowZoneDoesNotDelayOthersAndItsBufferIsBoundedByKeys() {
    ConfigStream slow = slowClient.connect("slow", Answer.NEVER_READ);
    ConfigStream fast = fastClient.connect("fast", Answer.ACK);
    await().until(() -> pushes("slow") == 1 && fast.pushes.size() == 1);

    for (int round = 0; round < ROUNDS; round++) {
      for (int key = 0; key < KEYS; key++) {
        put(store, meshTrace("default", "t" + key, "http://c:9411/round-" + round));
      }
    }
    long last = store.revision();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.zones().get("fast").orElseThrow().ackedRevision() == last);
    assertThat(fast.state()).hasSize(KEYS + 1);
    fast.state().values().stream()
        .filter(r -> r.getId().getType().equals("MeshTrace"))
        .forEach(
            r -> assertThat(r.getUniversalJson().toStringUtf8()).contains("round-" + (ROUNDS - 1)));

    // 1,000 changes wait for the slow zone as 50 entries; it got only its first push.
    assertThat(metrics.get("kds.zone.pending.resources").tag("zone_name", "slow").gauge().value())
        .isEqualTo(KEYS);
    assertThat(pushes("slow")).isEqualTo(1);
    assertThat(server.zones().get("slow").orElseThrow().ackedRevision()).isZero();

    // Once it reads again it catches up with the latest version of each key, coalesced.
    slow.startReading();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.zones().get("slow").orElseThrow().ackedRevision() == last);
    assertThat(slow.state()).isEqualTo(fast.state());
    assertThat(slow.pushes).hasSize(2);
    assertThat(slow.push(1).getUpsertsCount()).isEqualTo(KEYS);
  }

  /** Pushes sent to the zone; 0 before its meters exist (it has not said hello yet). */
  private double pushes(String zone) {
    Counter pushes = metrics.find("kds.pushes").tag("zone_name", zone).counter();
    return pushes == null ? 0 : pushes.count();
  }
}
