package dev.meridian.bench.scale;

import java.util.Arrays;

/** Distribution summarises latency samples: nearest-rank p50 and p99, and the maximum. */
record Distribution(int samples, double p50Ms, double p99Ms, double maxMs) {
  static Distribution of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Distribution(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]));
  }

  /** The smallest sample at or above {@code p} percent of them (nearest rank). */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** This distribution divided by {@code floor}, figure by figure. */
  Ratio over(Distribution floor) {
    return new Ratio(p50Ms / floor.p50Ms, p99Ms / floor.p99Ms, maxMs / floor.maxMs);
  }

  /** Ratio is a distribution's figures as multiples of the floor's. */
  record Ratio(double p50, double p99, double max) {}

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
