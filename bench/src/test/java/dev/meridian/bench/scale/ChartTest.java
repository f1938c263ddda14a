package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChartTest {
  @Test
  void cdfKeepsAtMost400PointsAndEndsAtTheMaximum() {
    long[] nanos = LongStream.rangeClosed(1, 1000).map(i -> i * 1_000_000).toArray();
    double[][] cdf = Chart.cdf(nanos);
    assertThat(cdf[0]).hasSize(400);
    assertThat(cdf[0][399]).isEqualTo(1000.0);
    assertThat(cdf[1][399]).isEqualTo(1.0);
    assertThat(cdf[1][0]).isEqualTo(2 / 1000.0);
  }

  @Test
  void fewSamplesAreAllDrawn() {
    double[][] cdf = Chart.cdf(new long[] {3_000_000, 1_000_000});
    assertThat(cdf[0]).containsExactly(1.0, 3.0);
    assertThat(cdf[1]).containsExactly(0.5, 1.0);
  }
}
