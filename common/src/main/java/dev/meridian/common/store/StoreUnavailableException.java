package dev.meridian.common.store;

/**
 * StoreUnavailableException says a store cannot take a write now, and why (e.g. fewer than a
 * majority of a replicated store's replicas are up). Nothing was written, or the write's outcome is
 * unknown, as the message says; retrying later is safe for writes that carry an expected version.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message) {
    super(message);
  }
}
