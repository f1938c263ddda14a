package dev.meridian.common.store;

import dev.meridian.common.resource.ResourceKey;

/** VersionConflictException says a write expected another version than the stored one. */
public final class VersionConflictException extends Exception {
  private final ResourceKey key;
  private final long expected;
  private final long actual;

  public VersionConflictException(ResourceKey key, long expected, long actual) {
    super(
        key
            + ": expected version "
            + (expected == ResourceStore.ABSENT ? "none (create)" : expected)
            + ", found "
            + (actual == ResourceStore.ABSENT ? "none" : actual));
    this.key = key;
    this.expected = expected;
    this.actual = actual;
  }

  public ResourceKey key() {
    return key;
  }

  public long expected() {
    return expected;
  }

  public long actual() {
    return actual;
  }
}
