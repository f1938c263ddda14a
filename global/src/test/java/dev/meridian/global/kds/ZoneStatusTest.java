package dev.meridian.global.kds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneStatusTest {
  private static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-22T10:05:00Z");

  @Test
  void mergesWhatSeveralReplicasSawOfOneZone() {
    ZoneStatus left = new ZoneStatus("east", false, T1, T2, 40, 1, "bad mesh");
    ZoneStatus joined = new ZoneStatus("east", true, T2, null, 42, 2, "bad trace");

    assertThat(ZoneStatus.merge(List.of(left, joined)))
        .isEqualTo(new ZoneStatus("east", true, T2, T2, 42, 3, "bad trace"));
    assertThat(ZoneStatus.merge(List.of(joined, left)))
        .isEqualTo(new ZoneStatus("east", true, T2, T2, 42, 3, "bad trace"));
  }

  @Test
  void theLastNackIsThatOfTheLatestConnectionWithOne() {
    ZoneStatus nacked = new ZoneStatus("east", false, T1, T2, 40, 1, "bad mesh");
    ZoneStatus clean = new ZoneStatus("east", true, T2, null, 42, 0, null);

    assertThat(ZoneStatus.merge(List.of(clean, nacked)).lastNack()).isEqualTo("bad mesh");
  }

  @Test
  void offlineOnlyWhenNoReplicaHasTheStream() {
    ZoneStatus a = new ZoneStatus("east", true, T1, null, 1, 0, null);

    assertThat(ZoneStatus.merge(List.of(a.offline(), a.offline())).online()).isFalse();
    assertThat(ZoneStatus.merge(List.of(a.offline(), a)).online()).isTrue();
    assertThat(ZoneStatus.merge(List.of(a))).isSameAs(a);
  }
}
