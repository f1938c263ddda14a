package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void nearestRankPercentilesInMilliseconds() {
    long[] nanos = LongStream.rangeClosed(1, 100).map(i -> i * 1_000_000).toArray();
    assertThat(Distribution.of(nanos)).isEqualTo(new Distribution(100, 50.0, 99.0, 100.0));
  }

  @Test
  void oneSampleIsEveryPercentile() {
    assertThat(Distribution.of(new long[] {3_000_000})).isEqualTo(new Distribution(1, 3, 3, 3));
  }

  @Test
  void unsortedInputIsLeftAlone() {
    long[] nanos = {5_000_000, 1_000_000, 3_000_000};
    assertThat(Distribution.of(nanos).p50Ms()).isEqualTo(3.0);
    assertThat(nanos).containsExactly(5_000_000, 1_000_000, 3_000_000);
  }

  @Test
  void ratioIsFigureByFigure() {
    Distribution zone = new Distribution(10, 20, 40, 80);
    Distribution floor = new Distribution(10, 10, 10, 20);
    assertThat(zone.over(floor)).isEqualTo(new Distribution.Ratio(2, 4, 4));
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> Distribution.of(new long[0])).hasMessage("no samples");
  }
}
