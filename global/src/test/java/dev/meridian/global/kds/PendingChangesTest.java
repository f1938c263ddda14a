package dev.meridian.global.kds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.StoredResource;
import dev.meridian.global.kds.PendingChanges.Pending;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingChangesTest {
  private static ResourceKey key(int i) {
    return ResourceKey.of("MeshTrace", "default", "t" + i);
  }

  @Test
  void keepsTheLatestChangePerKeySoItsSizeIsBoundedByKeys() {
    PendingChanges pending = new PendingChanges();
    long revision = 0;
    for (int round = 0; round < 100; round++) {
      for (int k = 0; k < 10; k++) {
        pending.offer(new Pending(key(k), null, ++revision, revision));
      }
    }
    assertThat(pending.size()).isEqualTo(10);
    assertThat(pending.ordered())
        .extracting(Pending::revision)
        .containsExactly(991L, 992L, 993L, 994L, 995L, 996L, 997L, 998L, 999L, 1000L);
    // the commit time kept is the oldest, so push latency counts the whole wait
    assertThat(pending.ordered().get(0).committedNanos()).isEqualTo(1);
  }

  @Test
  void anOlderChangeNeverReplacesANewerOne() {
    PendingChanges pending = new PendingChanges();
    pending.offer(new Pending(key(1), null, 7, PendingChanges.UNTIMED));
    pending.offer(new Pending(key(1), null, 3, PendingChanges.UNTIMED));
    assertThat(pending.ordered()).extracting(Pending::revision).containsExactly(7L);
  }

  @Test
  void takeLeavesAChangeThatWasReplacedMeanwhile() {
    PendingChanges pending = new PendingChanges();
    Pending first = new Pending(key(1), null, 1, PendingChanges.UNTIMED);
    pending.offer(first);
    pending.offer(new Pending(key(1), null, 2, PendingChanges.UNTIMED));
    assertThat(pending.take(first)).isFalse();
    assertThat(pending.size()).isEqualTo(1);
  }

  @Test
  void meshUpsertsComeFirstThenRevisionOrder() {
    PendingChanges pending = new PendingChanges();
    pending.offer(new Pending(key(1), null, 1, PendingChanges.UNTIMED));
    pending.offer(new Pending(key(2), stored(Fixtures.trafficTrace("default", "t2"), 2), 2, 0));
    pending.offer(
        new Pending(
            ResourceKey.of("Mesh", "", "default"), stored(Fixtures.mesh("default"), 3), 3, 0));
    assertThat(pending.ordered()).extracting(Pending::revision).containsExactly(3L, 1L, 2L);
  }

  private static StoredResource stored(Resource resource, long revision) {
    return new StoredResource(resource.withCreationTime(Instant.EPOCH), 1, revision, Instant.EPOCH);
  }
}
