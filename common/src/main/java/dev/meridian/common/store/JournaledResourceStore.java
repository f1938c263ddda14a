package dev.meridian.common.store;

import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * JournaledResourceStore keeps every resource and the change log in memory and makes each write
 * durable through its {@link Journal} before it is visible: the RocksDB journal on a node, {@link
 * Journal#NONE} in memory. Versions, revisions, creation times, the Mesh cascade and subscriptions
 * are all decided here, once, for every kind of journal.
 *
 * <p>Writes and subscription changes hold {@code lock}, so a listener sees the changes in revision
 * order and never misses one between its replay and the live ones.
 */
public final class JournaledResourceStore implements ResourceStore {
  private static final Comparator<ResourceKey> ORDER =
      Comparator.comparing(ResourceKey::type)
          .thenComparing(ResourceKey::mesh)
          .thenComparing(ResourceKey::zone)
          .thenComparing(ResourceKey::name);

  private final Object lock = new Object();
  private final Journal journal;
  private final Clock clock;

  /** Written under {@code lock}; read without it (each entry is immutable). */
  private final NavigableMap<ResourceKey, StoredResource> resources =
      new ConcurrentSkipListMap<>(ORDER);

  // @GuardedBy("lock")
  private final List<Change> log;

  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  public JournaledResourceStore(Journal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
    Journal.Recovered recovered = journal.recover();
    recovered.resources().forEach(r -> resources.put(r.resource().key(), r));
    this.log = new ArrayList<>(recovered.log());
  }

  /** A store in memory only, with the system clock. */
  public static JournaledResourceStore inMemory() {
    return new JournaledResourceStore(Journal.NONE, Clock.systemUTC());
  }

  @Override
  public Optional<StoredResource> get(ResourceKey key) {
    return Optional.ofNullable(resources.get(key));
  }

  @Override
  public List<StoredResource> list(String type, String mesh) {
    ResourceKey from = new ResourceKey(type, mesh == null ? "" : mesh, "", "");
    List<StoredResource> out = new ArrayList<>();
    for (Map.Entry<ResourceKey, StoredResource> e : resources.tailMap(from, true).entrySet()) {
      ResourceKey key = e.getKey();
      if (!key.type().equals(type) || (mesh != null && !key.mesh().equals(mesh))) {
        break;
      }
      out.add(e.getValue());
    }
    return out;
  }

  @Override
  public StoredResource put(Resource resource, long expectedVersion)
      throws VersionConflictException {
    synchronized (lock) {
      List<Change> changes = plan().put(resource, expectedVersion);
      commit(changes);
      return changes.get(0).stored();
    }
  }

  @Override
  public List<ResourceKey> delete(ResourceKey key, long expectedVersion)
      throws VersionConflictException {
    synchronized (lock) {
      List<Change> changes = plan().delete(key, expectedVersion);
      commit(changes);
      return changes.stream().map(Change::key).toList();
    }
  }

  @Override
  public void apply(List<Resource> upserts, List<ResourceKey> removals) {
    synchronized (lock) {
      Batch batch = new Batch();
      upserts.forEach(batch::upsert);
      removals.forEach(batch::remove);
      if (!batch.changes.isEmpty()) {
        commit(batch.changes);
      }
    }
  }

  /** A plan of writes to commit together after the current revision (see {@link Plan}). */
  public Plan plan() {
    synchronized (lock) {
      return new Plan();
    }
  }

  /**
   * Plan is several writes decided one after the other, each against the store as the writes
   * planned before it leave it, with the same version checks, creation times and Mesh cascade as
   * {@link #put} and {@link #delete}; nothing is committed until {@link #apply(List)} takes {@link
   * #changes()}. A replicated store's writer plans a group of writes this way and commits them on a
   * majority as one. Valid while nothing else is committed to the store.
   */
  public final class Plan {
    private final Batch batch = new Batch();

    private Plan() {}

    /** Plans a put and returns its change; a conflict plans nothing. */
    public List<Change> put(Resource resource, long expectedVersion)
        throws VersionConflictException {
      synchronized (lock) {
        check(resource.key(), batch.current(resource.key()), expectedVersion);
        int from = batch.changes.size();
        batch.upsert(resource);
        return since(from);
      }
    }

    /** Plans a delete and returns its removals (empty when nothing is there to remove). */
    public List<Change> delete(ResourceKey key, long expectedVersion)
        throws VersionConflictException {
      synchronized (lock) {
        StoredResource current = batch.current(key);
        if (current == null && expectedVersion == ANY) {
          return List.of();
        }
        check(key, current, expectedVersion);
        int from = batch.changes.size();
        batch.remove(key);
        return since(from);
      }
    }

    /** How many changes are planned so far. */
    public int size() {
      synchronized (lock) {
        return batch.changes.size();
      }
    }

    /** Every change planned so far, in revision order. */
    public List<Change> changes() {
      synchronized (lock) {
        return List.copyOf(batch.changes);
      }
    }

    private List<Change> since(int from) {
      return List.copyOf(batch.changes.subList(from, batch.changes.size()));
    }
  }

  /**
   * Commits changes planned by another replica's store, exactly as they are: journal, visible
   * state, listeners.
   *
   * @throws IllegalArgumentException unless the first change follows this store's revision
   */
  public void apply(List<Change> changes) {
    synchronized (lock) {
      if (changes.isEmpty()) {
        return;
      }
      long next = revision() + 1;
      if (changes.get(0).revision() != next) {
        throw new IllegalArgumentException(
            "changes start at revision " + changes.get(0).revision() + ", expected " + next);
      }
      commit(changes);
    }
  }

  /**
   * Batch is the changes of one commit, each numbered after the one before and decided against the
   * store as the earlier changes of the batch leave it. Used under {@code lock}.
   */
  private final class Batch {
    final List<Change> changes = new ArrayList<>();
    private final Map<ResourceKey, Change> latest = new HashMap<>();
    private long revision = revision();

    StoredResource upsert(Resource resource) {
      ResourceKey key = resource.key();
      StoredResource current = current(key);
      Instant now = clock.instant();
      Instant created = current == null ? now : current.resource().creationTime();
      StoredResource stored =
          new StoredResource(
              resource.withCreationTime(created),
              current == null ? 1 : current.version() + 1,
              ++revision,
              now);
      add(new Change(revision, key, stored));
      return stored;
    }

    /** Removes {@code key} if present, and with a Mesh every resource of that mesh first. */
    void remove(ResourceKey key) {
      if (key.type().equals(Meshes.TYPE.name())) {
        Set<ResourceKey> present = new TreeSet<>(ORDER);
        present.addAll(resources.keySet());
        present.addAll(latest.keySet());
        for (ResourceKey other : present) {
          if (other.mesh().equals(key.name()) && current(other) != null) {
            add(new Change(++revision, other, null));
          }
        }
      }
      if (current(key) != null) {
        add(new Change(++revision, key, null));
      }
    }

    private StoredResource current(ResourceKey key) {
      Change change = latest.get(key);
      return change != null ? change.stored() : resources.get(key);
    }

    private void add(Change change) {
      changes.add(change);
      latest.put(change.key(), change);
    }
  }

  /**
   * Up to {@code max} changes after {@code revision}, in order: what a replica that fell behind
   * applies to catch up.
   */
  public List<Change> changesAfter(long revision, int max) {
    synchronized (lock) {
      int from = (int) Math.min(Math.max(revision, 0), log.size());
      return List.copyOf(log.subList(from, Math.min(log.size(), from + max)));
    }
  }

  @Override
  public long revision() {
    synchronized (lock) {
      return log.isEmpty() ? 0 : log.get(log.size() - 1).revision();
    }
  }

  @Override
  public Snapshot snapshot() {
    synchronized (lock) {
      return new Snapshot(revision(), List.copyOf(resources.values()));
    }
  }

  @Override
  public Subscription subscribe(long fromRevision, ChangeListener listener) {
    synchronized (lock) {
      long revision = revision();
      if (fromRevision > revision || fromRevision < 0) {
        throw new IllegalArgumentException(
            "revision " + fromRevision + " is not in [0, " + revision + "]");
      }
      for (int i = (int) fromRevision; i < log.size(); i++) {
        listener.onChange(log.get(i));
      }
      listeners.add(listener);
    }
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    synchronized (lock) {
      listeners.clear();
      journal.close();
    }
  }

  private static void check(ResourceKey key, StoredResource current, long expected)
      throws VersionConflictException {
    long actual = current == null ? ABSENT : current.version();
    if (expected != ANY && expected != actual) {
      throw new VersionConflictException(key, expected, actual);
    }
  }

  /** Journal first (durable), then the visible state, then the listeners. Holds the lock. */
  private void commit(List<Change> changes) {
    journal.commit(changes);
    for (Change change : changes) {
      if (change.isRemoval()) {
        resources.remove(change.key());
      } else {
        resources.put(change.key(), change.stored());
      }
    }
    log.addAll(changes);
    for (Change change : changes) {
      for (ChangeListener listener : listeners) {
        listener.onChange(change);
      }
    }
  }
}
