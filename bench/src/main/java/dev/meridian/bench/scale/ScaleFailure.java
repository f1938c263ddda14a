package dev.meridian.bench.scale;

/** ScaleFailure ends a run that cannot produce its figures; the message says why. */
final class ScaleFailure extends RuntimeException {
  ScaleFailure(String message) {
    super(message);
  }
}
