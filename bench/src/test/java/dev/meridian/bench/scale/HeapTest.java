package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapTest {
  @Test
  void readsTheWholeHeapsUsedFromG1HeapInfo() {
    String g1 =
        """
        4242:
         garbage-first heap   total 262144K, used 23456K [0x0000000700000000, 0x0000000800000000)
          region size 1024K, 3 young (3072K), 0 survivors (0K)
         Metaspace       used 41234K, committed 41728K, reserved 1114112K
        """;
    assertThat(Heap.parseUsed(g1)).isEqualTo(23456L * 1024);
  }

  @Test
  void saysWhatItCouldNotRead() {
    assertThatThrownBy(() -> Heap.parseUsed("4242:\nno such command"))
        .hasMessageStartingWith("no 'used NNNK' in GC.heap_info output");
  }
}
