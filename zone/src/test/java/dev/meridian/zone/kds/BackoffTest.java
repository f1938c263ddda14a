package dev.meridian.zone.kds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesFromTheInitialDelayUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 1.0);

    assertThat(millis(backoff, 10))
        .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 10000L, 10000L, 10000L);
  }

  @Test
  void jitterKeepsAtLeastHalfOfTheBase() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);

    assertThat(millis(backoff, 4)).containsExactly(50L, 100L, 200L, 400L);
  }

  @Test
  void resetStartsOver() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5);
    millis(backoff, 5);

    backoff.reset();

    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(75));
  }

  @Test
  void refusesAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
        .hasMessage("backoff PT2S..PT1S (expected: 0 < initial <= max)");
  }

  private static List<Long> millis(Backoff backoff, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(backoff.next().toMillis());
    }
    return out;
  }
}
