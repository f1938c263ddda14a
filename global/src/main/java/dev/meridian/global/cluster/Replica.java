package dev.meridian.global.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.VersionConflictException;
import dev.meridian.global.cluster.Messages.Op;
import dev.meridian.global.cluster.Messages.SyncReply;
import dev.meridian.global.cluster.Messages.SyncRequest;
import dev.meridian.global.cluster.Messages.WriteReply;
import dev.meridian.global.cluster.Messages.WriteRequest;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replica owns this replica's local store and is the only one that changes it: it applies committed
 * batches in revision order and, while the writer singleton runs here, plans, commits and applies
 * writes. Everything runs on its one thread ({@code executor}), so a write, a catch-up and a change
 * of writer never interleave; the ring is swapped when the cluster member restarts.
 */
final class Replica implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

  private final JournaledResourceStore local;

  /** How long to wait before trying again what needs a majority that did not answer. */
  private static final long RETRY_MILLIS = 1000;

  /**
   * The most a group of writes weighs (their resources' encodings), so that the group's batch fits
   * one Artery frame (256 KiB) in a ring slot and in each answer. A heavier single write goes
   * alone.
   */
  static final int GROUP_BYTES = 96 * 1024;

  /** Writes waiting for the writer's thread; added from the writer actor's. */
  private final Queue<WriteRequest> pending = new ConcurrentLinkedQueue<>();

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "replica");
            t.setDaemon(true);
            return t;
          });

  // Written on executor only; the volatile ones are read from other threads too.
  private Ring ring;
  private LogTransfer transfer;
  private volatile Supplier<String> quorumProblem =
      () -> "this replica has not joined its cluster yet";
  private Timer replication;
  private volatile boolean writer; // read by the writer gauge
  private volatile boolean recovered; // read by sync's fast path
  private long epoch;
  private long committed; // the highest revision announced as committed
  private boolean retrying; // a retry of catchUp is scheduled

  Replica(JournaledResourceStore local) {
    this.local = local;
  }

  /**
   * The ring and log transfer of a (re)started cluster member, and where to learn whether a
   * majority is up.
   */
  void attach(Ring ring, LogTransfer transfer, Supplier<String> quorumProblem, Timer replication) {
    executor.execute(
        () -> {
          this.ring = ring;
          this.transfer = transfer;
          this.quorumProblem = quorumProblem;
          this.replication = replication;
          this.writer = false;
        });
  }

  /** The local store: read by the log transfer, changed only here. */
  JournaledResourceStore store() {
    return local;
  }

  boolean isWriter() {
    return writer;
  }

  /**
   * The writer singleton started here: recover at once, so that what a former writer committed
   * reaches every replica without waiting for the next write (and in any case before it).
   */
  void startWriting() {
    executor.execute(
        () -> {
          writer = true;
          recovered = false;
          LOG.info("the writer runs on this replica");
          catchUp(committed);
        });
  }

  void stopWriting() {
    executor.execute(() -> writer = false);
  }

  /** A majority holds every revision up to {@code revision}: apply what is missing. */
  void committed(long revision) {
    executor.execute(
        () -> {
          committed = Math.max(committed, revision);
          catchUp(committed);
        });
  }

  /** Applies a batch this replica's own write committed (after what precedes it). */
  CompletableFuture<Void> offer(Batch batch) {
    if (local.revision() >= batch.last()) {
      return CompletableFuture.completedFuture(null); // the writer's own, or caught up already
    }
    return CompletableFuture.runAsync(
        () -> {
          catchUp(batch.first() - 1);
          if (local.revision() == batch.first() - 1) {
            local.apply(batch.changes());
          }
        },
        executor);
  }

  /** Answers with the writer's revision once it is complete (recovered); never throws. */
  void sync(SyncRequest request) {
    // Every acknowledged write is applied here before it is answered: a recovered writer's revision
    // covers them all at any moment, without queueing behind the group being committed.
    if (writer && recovered && quorumProblem.get() == null) {
      request.replyTo().tell(new SyncReply(local.revision(), null));
      return;
    }
    executor.execute(
        () -> {
          String problem = writer ? quorumProblem.get() : "the writer moved away from this replica";
          if (problem == null && !recovered) {
            try {
              recover();
            } catch (Ring.RingException e) {
              problem = e.getMessage();
            }
          }
          request
              .replyTo()
              .tell(
                  problem == null
                      ? new SyncReply(local.revision(), null)
                      : new SyncReply(-1, problem));
        });
  }

  /** Applies committed batches up to {@code revision}, then completes. */
  CompletableFuture<Void> catchUpTo(long revision) {
    if (local.revision() >= revision) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> catchUp(revision), executor);
  }

  /**
   * Takes a write on the writer's replica and replies once it is committed (or not); never throws.
   * Writes that arrive while a group is being committed are committed together as the next group.
   */
  void write(WriteRequest request) {
    pending.add(request);
    executor.execute(this::commitPending);
  }

  /** Commits the writes waiting, as one group of at most {@value #GROUP_BYTES} bytes. */
  private void commitPending() {
    List<WriteRequest> group = new ArrayList<>();
    int bytes = 0;
    for (WriteRequest next = pending.peek();
        next != null && (group.isEmpty() || bytes + next.bytes() <= GROUP_BYTES);
        next = pending.peek()) {
      group.add(pending.poll());
      bytes += next.bytes();
    }
    if (group.isEmpty()) {
      return;
    }
    List<WriteReply> replies = commit(group);
    for (int i = 0; i < group.size(); i++) {
      group.get(i).replyTo().tell(replies.get(i));
    }
    if (!pending.isEmpty()) {
      executor.execute(this::commitPending);
    }
  }

  /**
   * Plans each write of the group against the store as the ones before it leave it, commits all
   * their changes as one batch on a majority, applies it and answers each with its own part.
   */
  private List<WriteReply> commit(List<WriteRequest> group) {
    String problem =
        writer ? quorumProblem.get() : "the writer moved away from this replica; retry";
    if (problem != null) {
      return group.stream().map(r -> WriteReply.unavailable(problem)).toList();
    }
    try {
      if (!recovered) {
        recover();
      }
      JournaledResourceStore.Plan plan = local.plan();
      List<Planned> planned = new ArrayList<>();
      for (WriteRequest request : group) {
        int first = plan.size();
        try {
          for (Op op : request.ops()) {
            plan(plan, op);
          }
          planned.add(new Planned(first, plan.size() - first, null));
        } catch (VersionConflictException e) {
          // only a one-op write can conflict (see WriteRequest): nothing of it was planned
          planned.add(new Planned(first, 0, e.actual()));
        }
      }
      List<Change> changes = plan.changes();
      List<Batch> batches = Batch.split(epoch, changes);
      for (Batch batch : batches) {
        replication.record(() -> ring.commit(batch));
        local.apply(batch.changes());
        ring.announce(batch.last());
      }
      // One batch travels with the answers; the parts of a larger one are read from the ring.
      byte[] encoded = batches.size() == 1 ? batches.get(0).encode() : null;
      return planned.stream().map(p -> p.reply(changes, encoded)).toList();
    } catch (Ring.RingException e) {
      recovered = false;
      String why =
          "a majority of replicas did not confirm the write in time ("
              + e.getMessage()
              + "); it may still be applied, so read before retrying";
      return group.stream().map(r -> WriteReply.unavailable(why)).toList();
    } catch (RuntimeException e) {
      LOG.error("write failed", e);
      recovered = false; // it may be committed without being applied here: read the ring again
      String why = "the write failed on the writer: " + e.getMessage();
      return group.stream().map(r -> WriteReply.unavailable(why)).toList();
    }
  }

  /** One write of a group: its changes' place in the group's, or the version it met. */
  private record Planned(int first, int count, Long conflict) {
    WriteReply reply(List<Change> changes, byte[] batch) {
      if (conflict != null) {
        return WriteReply.conflict(conflict);
      }
      return count == 0
          ? WriteReply.committed(null, 0, 0)
          : WriteReply.committed(batch, changes.get(first).revision(), count);
    }
  }

  private static void plan(JournaledResourceStore.Plan plan, Op op)
      throws VersionConflictException {
    if (op.delete()) {
      plan.delete(
          new ResourceKey(op.type(), op.mesh(), op.name(), op.zone()), op.expectedVersion());
    } else {
      plan.put(resource(op.resource()), op.expectedVersion());
    }
  }

  /**
   * Makes this writer's log complete before its first write: a new epoch (so its batches win over
   * any a former writer left unconfirmed), then every batch a majority holds beyond the local
   * revision, committed again under that epoch and applied.
   */
  private void recover() {
    epoch = ring.nextEpoch();
    int found = 0;
    for (long next = local.revision() + 1; ; next = local.revision() + 1) {
      Optional<Batch> batch = ring.read(next);
      if (batch.isEmpty() || batch.get().first() < next) {
        break;
      }
      if (batch.get().first() > next) {
        if (!transferLog()) {
          throw new Ring.RingException(lagging(next));
        }
        continue;
      }
      Batch again = new Batch(epoch, batch.get().changes());
      ring.commit(again);
      local.apply(again.changes());
      found++;
    }
    ring.announce(local.revision());
    recovered = true;
    LOG.info(
        "writer epoch {} at revision {} ({} batches recovered)", epoch, local.revision(), found);
  }

  /**
   * Applies committed batches until {@code revision} (and, on the writer, recovers first). What a
   * majority cannot answer yet (the cluster is still forming, or lost its majority) is tried again
   * a second later, so a replica never stays behind waiting for the next write.
   */
  private void catchUp(long revision) {
    if (ring == null) {
      return;
    }
    if (quorumProblem.get() != null) {
      retryLater(revision);
      return;
    }
    try {
      if (writer && !recovered) {
        recover();
      }
      while (local.revision() < revision) {
        long next = local.revision() + 1;
        Optional<Batch> batch = ring.read(next);
        if (batch.isPresent() && batch.get().first() > next) {
          if (!transferLog()) {
            LOG.warn("{}; retrying", lagging(next));
            retryLater(revision);
            return;
          }
          continue;
        }
        if (batch.isEmpty() || batch.get().first() != next) {
          LOG.warn("revision {} is announced but not yet read from a majority; retrying", next);
          retryLater(revision);
          return;
        }
        local.apply(batch.get().changes());
      }
    } catch (Ring.RingException e) {
      LOG.warn("cannot catch up to revision {} now ({}); retrying", revision, e.getMessage());
      retryLater(revision);
    }
  }

  private void retryLater(long revision) {
    if (!retrying) {
      retrying = true;
      executor.schedule(
          () -> {
            retrying = false;
            catchUp(Math.max(revision, committed));
          },
          RETRY_MILLIS,
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Applies the changes after the local revision that another replica's log holds: how a replica
   * further behind than the ring reaches catches up. False when no replica gave any.
   */
  private boolean transferLog() {
    long from = local.revision();
    List<Change> changes = transfer.fetch(from);
    if (changes.isEmpty()) {
      return false;
    }
    local.apply(changes);
    LOG.info("caught up from revision {} to {} from another replica's log", from, local.revision());
    return true;
  }

  private static String lagging(long next) {
    return "this replica is at revision "
        + (next - 1)
        + ", behind what the ring still holds, and no other replica sent the changes after it";
  }

  private static Resource resource(byte[] universal) {
    try {
      JsonNode tree = Json.MAPPER.readTree(universal);
      return ResourceReader.read(tree, 0).resource();
    } catch (IOException e) {
      throw new IllegalArgumentException("a forwarded resource does not read back", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
