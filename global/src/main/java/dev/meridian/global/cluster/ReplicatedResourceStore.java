package dev.meridian.global.cluster;

import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoreUnavailableException;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.store.VersionConflictException;
import dev.meridian.global.cluster.Messages.Op;
import dev.meridian.global.cluster.Messages.SyncReply;
import dev.meridian.global.cluster.Messages.WriteReply;
import dev.meridian.global.cluster.Messages.WriteRequest;
import dev.meridian.global.config.ClusterSettings;
import dev.meridian.global.kds.ZoneDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.MemberStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReplicatedResourceStore is a global replica's store: reads, snapshots and subscriptions are the
 * local {@link JournaledResourceStore}'s (which every replica keeps up to date), writes go to the
 * writer singleton wherever it runs and return once a majority of replicas holds them on disk and
 * this replica has applied them. Without a majority a write throws {@link
 * StoreUnavailableException} saying why.
 */
public final class ReplicatedResourceStore implements ResourceStore, Replication {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatedResourceStore.class);

  /** The most one write of {@link #apply} carries (half a writer's group, see {@link Replica}). */
  static final int APPLY_BYTES = Replica.GROUP_BYTES / 2;

  private final ClusterSettings settings;
  private final String bindAddress;
  private final Path dataDir;
  private final JournaledResourceStore local;
  private final Replica replica;
  private final SharedZones zones = new SharedZones();
  private final int ringSlots;
  private volatile ClusterMember member;
  private volatile boolean closed;
  private Timer replication;

  private ReplicatedResourceStore(
      ClusterSettings settings,
      String bindAddress,
      Path dataDir,
      JournaledResourceStore local,
      int ringSlots) {
    this.settings = settings;
    this.ringSlots = ringSlots;
    this.bindAddress = bindAddress;
    this.dataDir = dataDir;
    this.local = local;
    this.replica = new Replica(local);
  }

  /** A replica over {@code local}, which it owns; it joins the cluster on {@link #start}. */
  public static ReplicatedResourceStore open(
      ClusterSettings settings, String bindAddress, Path dataDir, JournaledResourceStore local) {
    return open(settings, bindAddress, dataDir, local, Ring.SLOTS);
  }

  /** The same with a ring of {@code ringSlots} slots (tests: to outrun it with few writes). */
  static ReplicatedResourceStore open(
      ClusterSettings settings,
      String bindAddress,
      Path dataDir,
      JournaledResourceStore local,
      int ringSlots) {
    return new ReplicatedResourceStore(settings, bindAddress, dataDir, local, ringSlots);
  }

  @Override
  public synchronized void start(MeterRegistry registry) {
    replication =
        Timer.builder("meridian.cluster.replication")
            .description(
                "Writes committed on a majority of replicas (on disk), as the writer saw them")
            .register(registry);
    join(settings.seeds());
    for (MemberStatus status :
        List.of(
            MemberStatus.joining(),
            MemberStatus.weaklyUp(),
            MemberStatus.up(),
            MemberStatus.leaving(),
            MemberStatus.exiting(),
            MemberStatus.down())) {
      Gauge.builder("meridian.cluster.members", () -> member.count(status))
          .description("Cluster members this replica sees, by status")
          .tag("status", status.toString().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder("meridian.cluster.unreachable.members", () -> member.unreachable())
        .description("Cluster members this replica cannot reach")
        .register(registry);
    Gauge.builder("meridian.cluster.writer", () -> replica.isWriter() ? 1 : 0)
        .description("1 on the replica where the writer singleton runs, else 0")
        .register(registry);
  }

  /** Starts a member; when the cluster downs it, starts another that rejoins the other seeds. */
  private synchronized void join(List<String> seeds) {
    if (closed) {
      return;
    }
    ClusterMember started =
        new ClusterMember(
            settings, bindAddress, dataDir, seeds, replica, zones, ringSlots, replication);
    member = started;
    started
        .whenTerminated()
        .thenRun(
            () -> {
              if (!closed) {
                LOG.warn("this replica left the cluster (downed); joining it again");
                join(settings.seeds().stream().filter(s -> !s.equals(settings.self())).toList());
              }
            });
  }

  @Override
  public boolean reachesMajority() {
    ClusterMember m = member;
    return m != null && m.quorumProblem() == null;
  }

  @Override
  public ZoneDirectory zones() {
    return zones;
  }

  @Override
  public StoredResource put(Resource resource, long expectedVersion)
      throws VersionConflictException {
    ResourceKey key = resource.key();
    return write(
            key, expectedVersion, List.of(op(false, universal(resource), key, expectedVersion)))
        .get(0)
        .stored();
  }

  @Override
  public List<ResourceKey> delete(ResourceKey key, long expectedVersion)
      throws VersionConflictException {
    return write(key, expectedVersion, List.of(op(true, null, key, expectedVersion))).stream()
        .map(Change::key)
        .toList();
  }

  /**
   * The upserts, then the removals, in writes of at most {@value #APPLY_BYTES} bytes of resources:
   * each committed on a majority as one (with any other writes waiting at the writer), so a large
   * zone upload is several commits rather than one, each atomic.
   */
  @Override
  public void apply(List<Resource> upserts, List<ResourceKey> removals) {
    List<Op> ops = new ArrayList<>();
    for (Resource resource : upserts) {
      ops.add(op(false, universal(resource), resource.key(), ANY));
    }
    for (ResourceKey key : removals) {
      ops.add(op(true, null, key, ANY));
    }
    int from = 0;
    int bytes = 0;
    try {
      for (int i = 0; i < ops.size(); i++) {
        if (i > from && bytes + ops.get(i).bytes() > APPLY_BYTES) {
          write(null, ANY, ops.subList(from, i));
          from = i;
          bytes = 0;
        }
        bytes += ops.get(i).bytes();
      }
      if (from < ops.size()) {
        write(null, ANY, ops.subList(from, ops.size()));
      }
    } catch (VersionConflictException e) {
      throw new IllegalStateException("a write with ANY cannot conflict", e);
    }
  }

  /** Asks the writer for its revision and applies what this replica misses up to it. */
  @Override
  public void catchUp() {
    ClusterMember m = member;
    String problem = m == null ? "this replica has not joined its cluster yet" : m.quorumProblem();
    if (problem != null) {
      throw new StoreUnavailableException(problem);
    }
    SyncReply reply = m.sync();
    if (reply.problem() != null) {
      throw new StoreUnavailableException(reply.problem());
    }
    try {
      replica
          .catchUpTo(reply.revision())
          .get(ClusterMember.WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw behind(reply.revision(), e.toString());
    }
    if (local.revision() < reply.revision()) {
      throw behind(reply.revision(), "no majority answered for the missing revisions");
    }
  }

  private StoreUnavailableException behind(long revision, String why) {
    return new StoreUnavailableException(
        "this replica is at revision "
            + local.revision()
            + " and could not catch up with the writer's "
            + revision
            + " ("
            + why
            + ")");
  }

  /**
   * Has the writer commit {@code ops} (one put or delete with {@code key}'s expected version, or
   * several with any version) and returns their changes once this replica applied them.
   */
  private List<Change> write(ResourceKey key, long expectedVersion, List<Op> ops)
      throws VersionConflictException {
    ClusterMember m = member;
    String problem = m == null ? "this replica has not joined its cluster yet" : m.quorumProblem();
    if (problem != null) {
      throw new StoreUnavailableException(problem);
    }
    WriteReply reply = m.write(replyTo -> new WriteRequest(List.copyOf(ops), replyTo));
    switch (reply.outcome()) {
      case CONFLICT ->
          throw new VersionConflictException(key, expectedVersion, reply.actualVersion());
      case UNAVAILABLE -> throw new StoreUnavailableException(reply.problem());
      default -> {}
    }
    if (reply.count() == 0) {
      return List.of();
    }
    long last = reply.first() + reply.count() - 1;
    Batch batch = reply.batch() == null ? null : Batch.decode(reply.batch());
    try {
      (batch != null ? replica.offer(batch) : replica.catchUpTo(last))
          .get(ClusterMember.WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("committed revision {} not applied here yet: {}", last, e.toString());
    }
    List<Change> own =
        (batch != null ? batch.changes() : local.changesAfter(reply.first() - 1, reply.count()))
            .stream().filter(c -> c.revision() >= reply.first() && c.revision() <= last).toList();
    if (own.size() < reply.count()) {
      throw new StoreUnavailableException(
          "the write is committed (revisions "
              + reply.first()
              + "-"
              + last
              + ") but this replica has not applied it yet; read it before retrying");
    }
    return own;
  }

  private static Op op(boolean delete, byte[] resource, ResourceKey key, long expectedVersion) {
    return new Op(
        delete, resource, key.type(), key.mesh(), key.name(), key.zone(), expectedVersion);
  }

  private static byte[] universal(Resource resource) {
    try {
      return Json.MAPPER.writeValueAsBytes(ResourceWriter.toUniversal(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<StoredResource> get(ResourceKey key) {
    return local.get(key);
  }

  @Override
  public List<StoredResource> list(String type, String mesh) {
    return local.list(type, mesh);
  }

  @Override
  public long revision() {
    return local.revision();
  }

  @Override
  public Snapshot snapshot() {
    return local.snapshot();
  }

  @Override
  public Subscription subscribe(long fromRevision, ChangeListener listener) {
    return local.subscribe(fromRevision, listener);
  }

  /** Leaves the cluster (the writer hands over), then closes the local store. */
  @Override
  public void close() {
    ClusterMember m;
    synchronized (this) {
      closed = true;
      m = member;
    }
    if (m != null) {
      m.leave();
    }
    replica.close();
    local.close();
  }
}
