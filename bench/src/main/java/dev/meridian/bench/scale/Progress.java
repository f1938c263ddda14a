package dev.meridian.bench.scale;

/**
 * Progress prints what the run is doing to stderr, with the seconds since the first message (a
 * process runs one harness).
 */
final class Progress {
  private static final long START = System.nanoTime();

  private Progress() {}

  static void say(String message) {
    System.err.printf("[%6.1f s] %s%n", (System.nanoTime() - START) / 1e9, message);
  }
}
