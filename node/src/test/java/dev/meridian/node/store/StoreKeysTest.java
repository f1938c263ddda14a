package dev.meridian.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.common.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreKeysTest {
  /** The order of {@code JournaledResourceStore}: type, mesh, zone, name. */
  private static final Comparator<ResourceKey> STORE_ORDER =
      Comparator.comparing(ResourceKey::type)
          .thenComparing(ResourceKey::mesh)
          .thenComparing(ResourceKey::zone)
          .thenComparing(ResourceKey::name);

  private static final List<ResourceKey> KEYS =
      List.of(
          ResourceKey.of("Mesh", "", "default"),
          ResourceKey.of("Mesh", "", "a"),
          ResourceKey.of("MeshTrace", "a", "t1"),
          ResourceKey.of("MeshTrace", "a", "t1.b"),
          ResourceKey.of("MeshTrace", "ab", ""),
          ResourceKey.of("MeshTrace", "a", "t10"),
          new ResourceKey("MeshTrace", "a", "t1", "east"),
          new ResourceKey("Dataplane", "default", "web-1", "west"),
          new ResourceKey("Dataplane", "default", "web-1", "east"),
          new ResourceKey("Dataplane", "default", "web-2", ""),
          new ResourceKey("T\u0000", "m\u0000\u0001", "\u0000", "z\u00ff\u00e9"),
          new ResourceKey("T", "", "", ""),
          new ResourceKey("", "", "", ""));

  @Test
  void everyKeyRoundTrips() {
    for (ResourceKey key : KEYS) {
      assertThat(StoreKeys.resource(StoreKeys.resource(key))).isEqualTo(key);
    }
  }

  @Test
  void byteOrderIsTheStoreOrder() {
    List<ResourceKey> byBytes = new ArrayList<>(KEYS);
    byBytes.sort((a, b) -> Arrays.compareUnsigned(StoreKeys.resource(a), StoreKeys.resource(b)));
    List<ResourceKey> byStore = new ArrayList<>(KEYS);
    byStore.sort(STORE_ORDER);

    assertThat(byBytes).containsExactlyElementsOf(byStore);
  }

  @Test
  void distinctKeysNeverShareBytes() {
    assertThat(KEYS.stream().map(k -> Arrays.toString(StoreKeys.resource(k))).distinct())
        .hasSize(KEYS.size());
  }

  @Test
  void revisionsSortInByteOrder() {
    long[] revisions = {1, 2, 255, 256, 65_536, 1L << 40, Long.MAX_VALUE};
    for (int i = 0; i + 1 < revisions.length; i++) {
      byte[] a = StoreKeys.revision(revisions[i]);
      byte[] b = StoreKeys.revision(revisions[i + 1]);
      assertThat(Arrays.compareUnsigned(a, b))
          .as("%d < %d", revisions[i], revisions[i + 1])
          .isNegative();
      assertThat(StoreKeys.revision(a)).isEqualTo(revisions[i]);
    }
  }

  @Test
  void malformedKeysAreRefusedWithTheirBytes() {
    assertThatThrownBy(() -> StoreKeys.resource(new byte[] {'M', 0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "malformed resource key 0x4d0001 (expected type, mesh, zone and name, each ended by 00"
                + " 01)");
    assertThatThrownBy(() -> StoreKeys.resource(new byte[] {'M', 0}))
        .hasMessageStartingWith("malformed resource key 0x4d00 ");
    assertThatThrownBy(() -> StoreKeys.resource(new byte[] {0, 1, 0, 1, 0, 1, 0, 1, 'x'}))
        .hasMessageStartingWith("malformed resource key 0x0001000100010001");
    assertThatThrownBy(() -> StoreKeys.revision(new byte[] {1, 2}))
        .hasMessage("revision must be 8 bytes, got 0102");
  }

  @Test
  void describeFallsBackToHex() {
    assertThat(StoreKeys.describe(StoreKeys.resource(ResourceKey.of("MeshTrace", "a", "t1"))))
        .isEqualTo("MeshTrace a/t1");
    assertThat(StoreKeys.describe(new byte[] {(byte) 0xAB})).isEqualTo("0xab");
  }
}
