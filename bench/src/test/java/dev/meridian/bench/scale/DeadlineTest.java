package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void aConditionThatHoldsReturnsAtOnce() {
    assertThatCode(() -> new Deadline(Duration.ZERO).await("nothing", () -> true))
        .doesNotThrowAnyException();
  }

  @Test
  void aWaitPastTheDeadlineNamesItsPhase() {
    assertThatThrownBy(() -> new Deadline(Duration.ofMillis(20)).await("the floor", () -> false))
        .isInstanceOf(ScaleFailure.class)
        .hasMessage(
            "deadline of 0 s passed while waiting for: the floor"
                + " (raise --deadline, or lower --dataplanes / --join-policies)");
  }
}
