package dev.meridian.zone.xds;

import static dev.meridian.zone.xds.Fixtures.dataplane;
import static dev.meridian.zone.xds.Fixtures.meshTrace;
import static dev.meridian.zone.xds.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * MeshWideRegenerationTest measures, without sockets, how long the zone takes to regenerate 1,000
 * dataplanes after a mesh-wide MeshTrace, cold and warm (commit to the last snapshot set, from
 * {@code xds.delivery}), and checks that a MeshSubset for another zone regenerates none of them.
 */
class MeshWideRegenerationTest {
  private static final int DATAPLANES = 1_000;

  @Test
  void regeneratesAThousandDataplanesAfterAMeshWideChange() {
    ResourceStore store = JournaledResourceStore.inMemory();
    put(store, "type: Mesh\nname: default\n");
    for (int i = 0; i < DATAPLANES; i++) {
      String address = "10.0.%d.%d".formatted(i / 200, i % 200 + 1);
      put(store, dataplane("dp-" + i, address, 8080, "svc-" + i % 50, "svc-" + (i + 1) % 50));
    }
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    XdsMetrics metrics = new XdsMetrics(meters);
    SimpleCache<String> cache = new SimpleCache<>(Node::getId);
    DataplaneRenderer renderer =
        new DataplaneRenderer("east", new LocalityGuard(Set.of()), cache, metrics);
    Timer generation = meters.timer("xds.generation");
    Timer delivery = meters.timer("xds.delivery");
    try (SnapshotGenerator generator = new SnapshotGenerator(store, "east", renderer, metrics)) {
      generator.start();
      await().atMost(Duration.ofMinutes(1)).until(() -> generation.count() == DATAPLANES);

      // The first change runs on a cold JVM; the second, to another collector, is warm.
      for (int change = 1; change <= 2; change++) {
        double before = delivery.totalTime(TimeUnit.MILLISECONDS);
        double generatingBefore = generation.totalTime(TimeUnit.MILLISECONDS);
        put(
            store,
            meshTrace("all", "kind: Mesh", "http://zipkin-" + change + ":9411/api/v2/spans"));
        int expected = change;
        await().atMost(Duration.ofMinutes(1)).until(() -> delivery.count() == expected);
        System.out.printf(
            "xds: change %d: %d dataplanes regenerated after a mesh-wide MeshTrace in %.1f ms"
                + " (%.1f ms of it rendering and setting snapshots)%n",
            change,
            DATAPLANES,
            delivery.totalTime(TimeUnit.MILLISECONDS) - before,
            generation.totalTime(TimeUnit.MILLISECONDS) - generatingBefore);
      }

      assertThat(generation.count()).isEqualTo(3L * DATAPLANES);
      assertThat(
              IntStream.range(0, DATAPLANES)
                  .mapToObj(i -> generator.served("default", "dp-" + i).orElseThrow())
                  .map(s -> s.rules().tracingSource()))
          .containsOnly(DataplaneRules.Source.MESH_TRACE);

      put(
          store,
          meshTrace(
              "west",
              "kind: MeshSubset\n    tags:\n      kuma.io/zone: west",
              "http://zipkin.west:9411/api/v2/spans"));
      await().atMost(Duration.ofMinutes(1)).until(() -> delivery.count() == 3);
      assertThat(generation.count()).isEqualTo(3L * DATAPLANES);
    } finally {
      store.close();
    }
  }
}
