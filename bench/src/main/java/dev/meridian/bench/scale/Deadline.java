package dev.meridian.bench.scale;

import java.time.Duration;

/** Deadline bounds the whole run: every wait gives up, naming its phase, once it has passed. */
final class Deadline {
  private final Duration total;
  private final long endNanos;

  /** Condition is what a wait waits for. */
  interface Condition {
    boolean holds() throws Exception;
  }

  Deadline(Duration total) {
    this.total = total;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  /**
   * Polls {@code condition} every 10 ms until it holds; fails once the deadline has passed. The
   * poll interval does not blur any figure: arrivals are timed where they happen.
   */
  void await(String phase, Condition condition) throws Exception {
    while (!condition.holds()) {
      check(phase);
      Thread.sleep(10);
    }
  }

  void check(String phase) {
    if (System.nanoTime() > endNanos) {
      throw new ScaleFailure(
          "deadline of "
              + total.toSeconds()
              + " s passed while waiting for: "
              + phase
              + " (raise --deadline, or lower --dataplanes / --join-policies)");
    }
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }
}
