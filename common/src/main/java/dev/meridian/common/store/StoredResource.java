package dev.meridian.common.store;

import dev.meridian.common.resource.Resource;
import java.time.Instant;
import java.util.Objects;

/**
 * StoredResource is a resource as a store holds it: {@code version} counts its own writes (1 on
 * creation), {@code revision} is the store-wide revision of its last write.
 */
public record StoredResource(
    Resource resource, long version, long revision, Instant modificationTime) {
  public StoredResource {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resource.creationTime(), "resource.creationTime");
    Objects.requireNonNull(modificationTime, "modificationTime");
  }
}
