package dev.meridian.global.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.store.VersionConflictException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three replicas in one JVM: a write on any of them is ordered by the writer and on all three. */
class ThreeReplicasIT {
  @TempDir Path dir;
  private List<ReplicatedResourceStore> replicas = List.of();

  @AfterEach
  void stop() {
    replicas.forEach(ReplicatedResourceStore::close);
  }

  @Test
  void writesOnAnyReplicaAreOrderedAndEverywhere() throws Exception {
    replicas = Replicas.startAll(3, dir, Clock.systemUTC());

    StoredResource mesh = replicas.get(0).put(mesh("default"), ResourceStore.ABSENT);
    replicas.get(1).catchUp();
    assertThat(replicas.get(1).get(ResourceKey.of("Mesh", "", "default"))).contains(mesh);
    StoredResource second = replicas.get(1).put(mesh("other"), ResourceStore.ABSENT);
    StoredResource replaced = replicas.get(2).put(mesh("default"), mesh.version());

    assertThat(List.of(mesh.revision(), second.revision(), replaced.revision()))
        .containsExactly(1L, 2L, 3L);
    assertThat(replaced.version()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              for (ReplicatedResourceStore replica : replicas) {
                assertThat(replica.revision()).isEqualTo(3);
                assertThat(replica.get(ResourceKey.of("Mesh", "", "default"))).contains(replaced);
              }
            });
    assertThatThrownBy(() -> replicas.get(1).put(mesh("default"), 1))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("expected version 1, found 2");
    assertThat(replicas.get(2).delete(ResourceKey.of("Mesh", "", "other"), ResourceStore.ANY))
        .containsExactly(ResourceKey.of("Mesh", "", "other"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> replicas.stream().allMatch(r -> r.revision() == 4));
  }

  private static Resource mesh(String name) {
    return ResourceReader.read("type: Mesh\nname: " + name + "\n").get(0).resource();
  }
}
