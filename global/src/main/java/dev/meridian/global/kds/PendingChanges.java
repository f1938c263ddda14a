package dev.meridian.global.kds;

import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.StoredResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PendingChanges is one stream's mailbox between the store's writer thread and the stream's
 * executor: the latest not-yet-pushed change per key. A key changed a thousand times while the zone
 * is slow is one entry, so its size is bounded by the number of keys, never by the number of
 * changes, and {@link #offer} never blocks. It is the only state of a stream that is touched off
 * the stream's executor.
 */
final class PendingChanges {
  /** Marks a change without a commit time: the initial difference, which no commit caused. */
  static final long UNTIMED = Long.MIN_VALUE;

  /** Upserts of Meshes first (a zone validates a policy against its Mesh), then by revision. */
  private static final Comparator<Pending> PUSH_ORDER =
      Comparator.comparing((Pending p) -> !(p.isMesh() && !p.isRemoval()))
          .thenComparingLong(Pending::revision);

  private final ConcurrentHashMap<ResourceKey, Pending> byKey = new ConcurrentHashMap<>();

  /** The highest store revision whose change, if this stream wants it, is in {@link #byKey}. */
  private final AtomicLong observed = new AtomicLong();

  /**
   * Pending is a change to push: an upsert ({@code stored} set) or a removal, with the revision it
   * was committed at and when ({@link System#nanoTime}, or {@link #UNTIMED}).
   */
  record Pending(ResourceKey key, StoredResource stored, long revision, long committedNanos) {
    boolean isRemoval() {
      return stored == null;
    }

    boolean isMesh() {
      return key.type().equals("Mesh");
    }

    /**
     * The newer change wins; it keeps the older commit time, so the latency measured at the ACK is
     * how long the zone lagged behind on this key, not only on its last change.
     */
    static Pending merge(Pending older, Pending newer) {
      if (newer.revision < older.revision) {
        return merge(newer, older);
      }
      long since =
          older.committedNanos == UNTIMED
              ? newer.committedNanos
              : newer.committedNanos == UNTIMED
                  ? older.committedNanos
                  : Math.min(older.committedNanos, newer.committedNanos);
      return new Pending(newer.key, newer.stored, newer.revision, since);
    }
  }

  /** Adds a change, replacing an older one of the same key. Never blocks. */
  void offer(Pending change) {
    byKey.merge(change.key(), change, Pending::merge);
  }

  /**
   * Records that every change up to {@code revision} has been offered (or was of no interest). Call
   * it after {@link #offer}, so that a reader who sees the revision also sees the change.
   */
  void observe(long revision) {
    observed.accumulateAndGet(revision, Math::max);
  }

  long observed() {
    return observed.get();
  }

  /** The pending changes in push order, as of now. */
  List<Pending> ordered() {
    List<Pending> all = new ArrayList<>(byKey.values());
    all.sort(PUSH_ORDER);
    return all;
  }

  /**
   * Takes {@code change} out, unless a newer change of its key replaced it meanwhile (that one
   * stays for the next push).
   */
  boolean take(Pending change) {
    return byKey.remove(change.key(), change);
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  int size() {
    return byKey.size();
  }

  void clear() {
    byKey.clear();
  }
}
