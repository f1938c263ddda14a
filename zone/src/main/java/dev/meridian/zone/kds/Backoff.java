package dev.meridian.zone.kds;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Backoff spaces out reconnect attempts: the base delay starts at {@code initial} and doubles per
 * failed attempt up to {@code max}; each delay is jittered to between half and all of its base, so
 * zones cut off by the same global outage do not all come back in the same instant. Not
 * thread-safe: the client's executor owns it.
 */
final class Backoff {
  static final Duration INITIAL = Duration.ofMillis(100);
  static final Duration MAX = Duration.ofSeconds(10);

  private final long initialNanos;
  private final long maxNanos;
  private final DoubleSupplier random;
  private long baseNanos;

  /**
   * @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff " + initial + ".." + max + " (expected: 0 < initial <= max)");
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
    this.baseNanos = initialNanos;
  }

  /** 100 ms doubling to 10 s, with random jitter. */
  static Backoff standard() {
    return new Backoff(INITIAL, MAX, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The delay before the next attempt; the one after will be (up to) twice as long. */
  Duration next() {
    long base = baseNanos;
    baseNanos = base > maxNanos / 2 ? maxNanos : base * 2;
    long half = base / 2;
    return Duration.ofNanos(half + (long) (random.getAsDouble() * (base - half)));
  }

  /** After a successful connection the next failure starts over at {@code initial}. */
  void reset() {
    baseNanos = initialNanos;
  }
}
