package dev.meridian.global.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.store.VersionConflictException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas in one JVM under concurrent writes: the writer commits what waits as one group
 * (fewer majority commits than writes), each write answered as if alone; a zone upload larger than
 * an Artery frame is applied in pieces.
 */
class GroupCommitIT {
  @TempDir Path dir;
  private List<ReplicatedResourceStore> replicas = List.of();

  @AfterEach
  void stop() {
    replicas.forEach(ReplicatedResourceStore::close);
  }

  @Test
  void concurrentWritesAreCommittedInGroupsAndAnsweredOneByOne() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    replicas = Replicas.startAll(3, dir, Clock.systemUTC(), registry);
    StoredResource shared = replicas.get(0).put(mesh("shared"), ResourceStore.ABSENT);
    int threads = 8;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    List<Boolean> sharedOutcomes = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      ReplicatedResourceStore through = replicas.get(t % 3);
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  through.put(mesh("m-" + thread + "-" + i), ResourceStore.ABSENT);
                }
                try {
                  through.put(mesh("shared"), shared.version());
                  sharedOutcomes.add(true);
                } catch (VersionConflictException e) {
                  sharedOutcomes.add(false);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    // every thread wrote "shared" with version 1: exactly one of them won
    assertThat(sharedOutcomes).containsOnlyOnce(true).hasSize(threads);
    long writes = 1 + threads * each + 1;
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (ReplicatedResourceStore replica : replicas) {
                assertThat(replica.revision()).isEqualTo(writes);
                assertThat(replica.list("Mesh", "")).hasSize(1 + threads * each);
              }
            });
    assertThat(replicas.get(0).get(ResourceKey.of("Mesh", "", "shared")).orElseThrow().version())
        .isEqualTo(2);
    assertThat(registry.get("meridian.cluster.replication").timer().count())
        .as("majority commits")
        .isLessThan(writes);
  }

  @Test
  void anUploadLargerThanAFrameIsAppliedInPieces() throws Exception {
    replicas = Replicas.startAll(3, dir, Clock.systemUTC());
    String padding = "x".repeat(200);
    List<Resource> upserts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      upserts.add(
          ResourceReader.read(
                  "type: Mesh\nname: big-" + i + "\nlabels:\n  padding: " + padding + "\n")
              .get(0)
              .resource());
    }

    replicas.get(1).apply(upserts, List.of(ResourceKey.of("Mesh", "", "absent")));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (ReplicatedResourceStore replica : replicas) {
                assertThat(replica.list("Mesh", "")).hasSize(2000);
              }
            });
    assertThat(replicas.get(1).revision()).isEqualTo(2000);
  }

  @Test
  void aMeshWhoseCascadeOutgrowsAFrameIsDeletedInSeveralBatches() throws Exception {
    replicas = Replicas.startAll(3, dir, Clock.systemUTC());
    replicas.get(0).put(mesh("big"), ResourceStore.ABSENT);
    String longName = "a-mesh-trace-with-a-rather-long-name-to-make-its-removal-weigh-";
    List<Resource> traces = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      traces.add(
          ResourceReader.read(
                  "type: MeshTrace\nmesh: big\nname: "
                      + longName
                      + i
                      + "\nspec:\n  targetRef: {kind: Mesh}\n  default:\n    backends:\n"
                      + "    - zipkin: {url: 'http://c.zipkin:9411/api/v2/spans'}\n")
              .get(0)
              .resource());
    }
    replicas.get(0).apply(traces, List.of());

    // 3,001 removals encode to more than a frame: the writer commits them as several batches
    List<ResourceKey> deleted =
        replicas.get(1).delete(ResourceKey.of("Mesh", "", "big"), ResourceStore.ANY);

    assertThat(deleted).hasSize(3001).endsWith(ResourceKey.of("Mesh", "", "big"));
    long revision = replicas.get(1).revision();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (ReplicatedResourceStore replica : replicas) {
                assertThat(replica.revision()).isEqualTo(revision);
                assertThat(replica.list("MeshTrace", "big")).isEmpty();
              }
            });
  }

  private static Resource mesh(String name) {
    return ResourceReader.read("type: Mesh\nname: " + name + "\n").get(0).resource();
  }
}
