package dev.meridian.common.store;

import dev.meridian.common.resource.ResourceKey;
import java.util.Objects;

/**
 * Change is one committed write, in the store's change log: an upsert carries the resource as
 * stored, a removal only its key. Revisions increase by one per change, with no gaps.
 */
public record Change(long revision, ResourceKey key, StoredResource stored) {
  public Change {
    Objects.requireNonNull(key, "key");
  }

  public boolean isRemoval() {
    return stored == null;
  }
}
