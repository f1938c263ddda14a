package dev.meridian.global.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas in one JVM with a ring of {@value #SLOTS} slots: a replica that joins with an
 * empty data dir after many more writes than the ring holds catches up from another replica's log.
 */
class LogTransferIT {
  private static final int SLOTS = 8;

  @TempDir Path dir;
  private final List<ReplicatedResourceStore> replicas = new ArrayList<>();

  @AfterEach
  void stop() {
    replicas.forEach(ReplicatedResourceStore::close);
  }

  @Test
  void aNewReplicaFurtherBehindThanTheRingCatchesUpFromAnotherReplicasLog() throws Exception {
    List<Integer> ports = List.of(Replicas.freePort(), Replicas.freePort(), Replicas.freePort());
    for (int i = 0; i < 2; i++) {
      replicas.add(
          Replicas.start(
              Replicas.settings(ports.get(i), ports),
              dir.resolve("r" + i),
              Clock.systemUTC(),
              SLOTS,
              new SimpleMeterRegistry()));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> replicas.stream().allMatch(ReplicatedResourceStore::reachesMajority));
    for (int i = 0; i < 5 * SLOTS; i++) {
      replicas.get(i % 2).put(mesh("m-" + i), ResourceStore.ABSENT);
    }
    long revision = replicas.get(0).revision();
    assertThat(revision).isEqualTo(5 * SLOTS);

    ReplicatedResourceStore late =
        Replicas.start(
            Replicas.settings(ports.get(2), ports),
            dir.resolve("new"),
            Clock.systemUTC(),
            SLOTS,
            new SimpleMeterRegistry());
    replicas.add(late);

    await().atMost(Duration.ofSeconds(30)).until(() -> late.revision() == revision);
    assertThat(late.list("Mesh", "")).hasSize(5 * SLOTS);
    assertThat(late.get(ResourceKey.of("Mesh", "", "m-0")))
        .isEqualTo(replicas.get(0).get(ResourceKey.of("Mesh", "", "m-0")));
    // caught up, it takes part in writes like the others
    late.put(mesh("after"), ResourceStore.ABSENT);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> replicas.get(0).get(ResourceKey.of("Mesh", "", "after")).isPresent());
  }

  private static Resource mesh(String name) {
    return ResourceReader.read("type: Mesh\nname: " + name + "\n").get(0).resource();
  }
}
