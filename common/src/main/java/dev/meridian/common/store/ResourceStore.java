package dev.meridian.common.store;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import java.util.List;
import java.util.Optional;

/**
 * ResourceStore holds resources with per-resource versions and a store-wide, gap-free revision, and
 * tells subscribers about every committed change in order. A write returns only once it is durable
 * (for a store that has a disk). Implementations are thread-safe; writes are serialised.
 */
public interface ResourceStore extends AutoCloseable {
  /** Expected version of a resource that must not exist yet (create). */
  long ABSENT = 0;

  /** Expected version that skips the check (last writer wins). */
  long ANY = -1;

  Optional<StoredResource> get(ResourceKey key);

  /**
   * Resources of one type, sorted by mesh, zone and name.
   *
   * @param mesh a mesh name, or null for all meshes
   */
  List<StoredResource> list(String type, String mesh);

  /**
   * Creates or replaces {@code resource}. The stored resource keeps the creation time of the
   * version it replaces, or gets the store's clock time when new.
   *
   * @param expectedVersion {@link #ABSENT}, {@link #ANY} or the version being replaced
   */
  StoredResource put(Resource resource, long expectedVersion) throws VersionConflictException;

  /**
   * Removes the resource; removing a Mesh removes every resource of that mesh with it, in the same
   * commit. Returns everything removed (empty when nothing was there).
   *
   * @param expectedVersion {@link #ANY} or the version being removed
   */
  List<ResourceKey> delete(ResourceKey key, long expectedVersion) throws VersionConflictException;

  /**
   * Writes {@code upserts}, then removes {@code removals} (a Mesh with its resources, as {@link
   * #delete} does), last writer wins, all in one commit: one durable write however many changes,
   * for syncs that bring many at once. Removing what is absent changes nothing.
   */
  void apply(List<Resource> upserts, List<ResourceKey> removals);

  /**
   * Returns once this store's reads reflect every write committed anywhere before the call, so a
   * write validated against them (does its mesh exist?) sees what clients were already told. A
   * store with a single copy always does; a replica catches up with its writer.
   *
   * @throws StoreUnavailableException when that cannot be known now (then writes fail too)
   */
  default void catchUp() {}

  /** The revision of the last committed change (0 for an empty store). */
  long revision();

  /** Every resource of every type, and the revision they are consistent with. */
  Snapshot snapshot();

  /** Snapshot is the whole content of a store at one revision. */
  record Snapshot(long revision, List<StoredResource> resources) {
    public Snapshot {
      resources = List.copyOf(resources);
    }
  }

  /**
   * Calls {@code listener} with every change after {@code fromRevision}: first those already
   * committed, then each new one right after it commits, in revision order, on the writer's thread.
   * A listener must not block; it hands work to its own executor.
   *
   * @throws IllegalArgumentException when {@code fromRevision} is ahead of the store
   */
  Subscription subscribe(long fromRevision, ChangeListener listener);

  /** ChangeListener receives committed changes in revision order. */
  @FunctionalInterface
  interface ChangeListener {
    void onChange(Change change);
  }

  /** Subscription stops the deliveries of one listener. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  void close();
}
