package dev.meridian.global.kds;

import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.ResourceStore.Snapshot;
import dev.meridian.common.store.StoredResource;
import dev.meridian.global.kds.KdsMetrics.ZoneMeters;
import dev.meridian.global.kds.PendingChanges.Pending;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.HeldResource;
import dev.meridian.proto.kds.v1.Hello;
import dev.meridian.proto.kds.v1.Nack;
import dev.meridian.proto.kds.v1.Resource;
import dev.meridian.proto.kds.v1.ResourceId;
import dev.meridian.proto.kds.v1.ZoneRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PushStream is one zone's GlobalToZone stream. It pushes the difference between the global's state
 * and what the zone declared in its Hello, then every committed change, one push in flight until
 * the zone ACKs or NACKs it.
 *
 * <p>Threads: every field below {@code executor} is owned by {@code executor}, a sequential
 * executor over the server's shared pool (one task at a time, in submission order): gRPC callbacks,
 * the on-ready signal, ACKs and replacement all become tasks on it. The store's listener runs on
 * the writer's thread and only offers the change to {@link PendingChanges} and schedules at most
 * one drain task, so it never blocks and a slow zone cannot hold up the writer or other zones.
 */
final class PushStream implements StreamObserver<ZoneRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(PushStream.class);

  /** A push carries at most this many bytes of resources (gRPC's default limit is 4 MiB). */
  static final int MAX_PUSH_BYTES = 1024 * 1024;

  private final KdsContext context;
  private final ServerCallStreamObserver<GlobalPush> out;
  private final PendingChanges pending = new PendingChanges();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Executor executor;

  private String zone;
  private ZoneMeters meters;
  private ResourceStore.Subscription subscription;

  /** What the zone holds as far as this stream knows: key → revision. */
  private final Map<ResourceKey, Long> held = new HashMap<>();

  private InFlight inFlight;
  private long nonces;
  private boolean initialSent;
  private boolean closed;

  /** The push the zone has not answered yet. */
  private record InFlight(String nonce, long revision, long oldestCommitNanos) {}

  PushStream(KdsContext context, ServerCallStreamObserver<GlobalPush> out, Executor executor) {
    this.context = context;
    this.out = out;
    this.executor = executor;
  }

  /** Installs the handlers; call before the service method returns. */
  void start() {
    out.disableAutoRequest();
    out.setOnReadyHandler(() -> run(this::drain));
    out.setOnCancelHandler(() -> run(this::end));
    out.request(1);
  }

  @Override
  public void onNext(ZoneRequest request) {
    run(
        () -> {
          handle(request);
          if (!closed) {
            // The next request is read only once this one is handled: a zone cannot queue work.
            out.request(1);
          }
        });
  }

  @Override
  public void onError(Throwable t) {
    run(this::end);
  }

  @Override
  public void onCompleted() {
    run(
        () -> {
          if (!closed) {
            out.onCompleted();
            end();
          }
        });
  }

  /** A newer stream of the same zone took over; this one ends with ABORTED. */
  void replaced() {
    run(
        () ->
            fail(
                Status.ABORTED.withDescription(
                    "zone \""
                        + zone
                        + "\" opened a newer GlobalToZone stream; this one is replaced")));
  }

  /** The server shuts down: end the stream normally, the zone reconnects to a global. */
  void shutdown() {
    run(
        () -> {
          if (!closed) {
            out.onCompleted();
            end();
          }
        });
  }

  /** Resources waiting to be pushed; read by the pending gauge from any thread. */
  int pendingCount() {
    return pending.size();
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // The server's pool is shut down: close() already ended every stream.
      LOG.debug("KDS stream task dropped after shutdown", e);
    }
  }

  private void handle(ZoneRequest request) {
    if (closed) {
      return;
    }
    switch (request.getKindCase()) {
      case HELLO -> hello(request.getHello());
      case ACK -> answered(request.getAck().getNonce(), null);
      case NACK -> answered(request.getNack().getNonce(), request.getNack());
      default ->
          fail(
              Status.INVALID_ARGUMENT.withDescription(
                  "a ZoneRequest must carry hello, ack or nack"));
    }
  }

  private void hello(Hello hello) {
    if (zone != null) {
      fail(Status.INVALID_ARGUMENT.withDescription("hello sent twice on one stream"));
      return;
    }
    String problem = ZoneNames.problem(hello.getZone());
    if (problem != null) {
      fail(Status.INVALID_ARGUMENT.withDescription(problem));
      return;
    }
    zone = hello.getZone();
    meters = context.meters(zone);
    for (HeldResource h : hello.getHeldList()) {
      ResourceKey key = Wire.key(h.getId(), "");
      if (Syncable.TYPES.contains(key.type())) {
        held.put(key, h.getRevision());
      }
    }
    PushStream previous = context.attach(zone, this);
    if (previous != null) {
      previous.replaced();
    }

    // The snapshot and the subscription from its revision leave no gap and no overlap. The whole
    // snapshot goes into the mailbox; the held revisions turn it into the difference at drain time.
    Snapshot snapshot = context.store().snapshot();
    Map<ResourceKey, Long> absent = new HashMap<>(held);
    for (StoredResource stored : snapshot.resources()) {
      if (Syncable.pushed(stored.resource())) {
        ResourceKey key = stored.resource().key();
        absent.remove(key);
        pending.offer(new Pending(key, stored, stored.revision(), PendingChanges.UNTIMED));
      }
    }
    for (ResourceKey gone : absent.keySet()) {
      pending.offer(new Pending(gone, null, snapshot.revision(), PendingChanges.UNTIMED));
    }
    pending.observe(snapshot.revision());
    subscription = context.store().subscribe(snapshot.revision(), this::onChange);
    LOG.info(
        "zone {} connected: holds {} resources, global at revision {}",
        zone,
        held.size(),
        snapshot.revision());
    drain();
  }

  /** The store listener: runs on the writer's thread, under the store's lock. Never blocks. */
  private void onChange(Change change) {
    boolean wanted = Syncable.pushed(change);
    if (wanted) {
      pending.offer(
          new Pending(change.key(), change.stored(), change.revision(), System.nanoTime()));
    }
    pending.observe(change.revision());
    if (wanted && drainScheduled.compareAndSet(false, true)) {
      run(
          () -> {
            drainScheduled.set(false);
            drain();
          });
    }
  }

  private void answered(String nonce, Nack nack) {
    if (zone == null) {
      fail(
          Status.INVALID_ARGUMENT.withDescription(
              "the first request must be a hello naming the zone"));
      return;
    }
    if (inFlight == null || !inFlight.nonce().equals(nonce)) {
      LOG.warn("zone {} answered unknown nonce \"{}\"; ignored", zone, nonce);
      return;
    }
    if (nack == null) {
      meters.acks().increment();
      if (inFlight.revision() > 0) {
        context.zones().acked(zone, inFlight.revision());
      }
      if (inFlight.oldestCommitNanos() != PendingChanges.UNTIMED) {
        meters
            .pushLatency()
            .record(System.nanoTime() - inFlight.oldestCommitNanos(), TimeUnit.NANOSECONDS);
      }
    } else {
      // The rejected revisions stay recorded as held, so they are not pushed again on this
      // stream; a newer revision of the same resource is.
      meters.nacks().increment();
      String rejected =
          nack.getRejectedCount() == 0
              ? "the whole push"
              : nack.getRejectedList().stream()
                  .map(Wire::describe)
                  .collect(Collectors.joining(", "));
      String error = "push " + nonce + " rejected (" + rejected + "): " + nack.getErrorDetail();
      context.zones().nacked(zone, error);
      LOG.warn("zone {} NACKed {}", zone, error);
    }
    inFlight = null;
    drain();
  }

  /** Sends the next push when none is in flight, the transport is ready and there is something. */
  private void drain() {
    if (closed || zone == null || inFlight != null || !out.isReady()) {
      return;
    }
    if (initialSent && pending.isEmpty()) {
      return;
    }
    long revision = pending.observed();
    List<Resource> upserts = new ArrayList<>();
    List<ResourceId> removals = new ArrayList<>();
    List<ResourceId> meshRemovals = new ArrayList<>();
    long oldest = PendingChanges.UNTIMED;
    int bytes = 0;
    boolean more = false;
    for (Pending p : pending.ordered()) {
      boolean noop =
          p.isRemoval()
              ? !held.containsKey(p.key())
              : Objects.equals(held.get(p.key()), p.revision());
      if (noop) {
        pending.take(p);
        continue;
      }
      Resource resource = p.isRemoval() ? null : Wire.resource(p.stored());
      int size = resource == null ? 64 : resource.getSerializedSize();
      if (bytes > 0 && bytes + size > MAX_PUSH_BYTES) {
        more = true;
        break;
      }
      if (!pending.take(p)) {
        continue; // replaced by a newer change (after `revision`): it goes in the next push
      }
      bytes += size;
      if (p.committedNanos() != PendingChanges.UNTIMED
          && (oldest == PendingChanges.UNTIMED || p.committedNanos() < oldest)) {
        oldest = p.committedNanos();
      }
      if (resource != null) {
        upserts.add(resource);
        held.put(p.key(), p.revision());
      } else {
        (p.isMesh() ? meshRemovals : removals).add(Wire.id(p.key()));
        held.remove(p.key());
      }
    }
    removals.addAll(meshRemovals);
    if (initialSent && upserts.isEmpty() && removals.isEmpty()) {
      return;
    }
    String nonce = Long.toString(++nonces);
    long pushRevision = more ? 0 : revision;
    out.onNext(
        GlobalPush.newBuilder()
            .setNonce(nonce)
            .setRevision(pushRevision)
            .addAllUpserts(upserts)
            .addAllRemovals(removals)
            .build());
    inFlight = new InFlight(nonce, pushRevision, oldest);
    initialSent = true;
    meters.pushes().increment();
    meters.pushed().increment(upserts.size() + removals.size());
  }

  private void fail(Status status) {
    if (closed) {
      return;
    }
    out.onError(status.asRuntimeException());
    end();
  }

  /** Releases the stream's resources; idempotent. */
  private void end() {
    if (closed) {
      return;
    }
    closed = true;
    if (subscription != null) {
      subscription.close();
    }
    pending.clear();
    if (zone != null) {
      context.detach(zone, this);
      LOG.info("zone {} config stream ended", zone);
    }
  }
}
