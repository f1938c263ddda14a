package dev.meridian.zone.kds;

import dev.meridian.common.store.ResourceStore;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.Hello;
import dev.meridian.proto.kds.v1.KdsGrpc;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.ZoneRequest;
import dev.meridian.proto.kds.v1.ZoneUpload;
import dev.meridian.zone.config.HostPort;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KdsClient is the zone's end of KDS: it dials the global, declares what the local store holds,
 * applies every push to the local store and answers it ({@link PushApplier}), and uploads the
 * zone's inventory ({@link Uploader}). When a stream fails both are dropped and reopened after a
 * {@link Backoff}; meanwhile the local store keeps serving what it has.
 *
 * <p>Threads: every field below {@code executor} is owned by {@code executor}, a single-threaded
 * scheduler this client owns ({@code meridian-kds-client-<zone>}). gRPC callbacks ({@link Relay}),
 * the store's change listener and retry timers only submit tasks to it; a task of a stream
 * generation that is no longer current is dropped. The store listener runs on the writer's thread
 * and never blocks it.
 */
public final class KdsClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KdsClient.class);

  private final String zone;
  private final ManagedChannel channel;
  private final KdsGrpc.KdsStub stub;
  private final ResourceStore store;
  private final KdsMeters meters;
  private volatile boolean connected;
  private volatile boolean synced;
  private final ScheduledThreadPoolExecutor executor;

  private final PushApplier applier;
  private final Uploader uploader;
  private final Backoff backoff;
  private ResourceStore.Subscription subscription;
  private long generation;
  private StreamObserver<ZoneRequest> config;
  private ScheduledFuture<?> retry;
  private boolean closed;

  /**
   * A client for {@code zone}, over {@code store}, of the global at {@code globals}: one address,
   * or the replicas of one global, dialled in order; when the connected one fails the next stream
   * goes to the first that answers.
   */
  public KdsClient(
      String zone, List<HostPort> globals, ResourceStore store, MeterRegistry registry) {
    this(zone, channel(globals), store, registry, Backoff.standard());
  }

  KdsClient(
      String zone,
      ManagedChannel channel,
      ResourceStore store,
      MeterRegistry registry,
      Backoff backoff) {
    this.zone = zone;
    this.channel = channel;
    this.stub = KdsGrpc.newStub(channel);
    this.store = store;
    this.meters = new KdsMeters(registry);
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "meridian-kds-client-" + zone);
              t.setDaemon(true);
              return t;
            });
    // A pending retry must not hold up close(): cancelled or delayed tasks are dropped at shutdown.
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.applier = new PushApplier(store);
    this.uploader = new Uploader(zone, meters);
    this.backoff = backoff;
  }

  static ManagedChannel channel(List<HostPort> globals) {
    GlobalAddresses addresses = new GlobalAddresses(globals);
    return NettyChannelBuilder.forTarget(addresses.target())
        .nameResolverFactory(addresses)
        .defaultLoadBalancingPolicy("pick_first")
        .usePlaintext()
        .keepAliveTime(30, TimeUnit.SECONDS)
        .maxInboundMessageSize(8 * 1024 * 1024)
        .build();
  }

  /** Subscribes to the local store and dials the global; returns at once. */
  public void start() {
    run(
        () -> {
          // On the writer's thread: only hand the change on.
          subscription =
              store.subscribe(store.revision(), change -> run(() -> uploader.changed(change)));
          connect();
        });
  }

  /** True once a push was applied in full: the local copy matches a revision of the global. */
  public boolean isSynced() {
    return synced;
  }

  /** True while the config stream is open and the global has pushed on it. */
  public boolean isConnected() {
    return connected;
  }

  private void connect() {
    if (closed) {
      return;
    }
    long gen = ++generation;
    // The channel backs off on its own after refused connections; ours decides when to retry.
    channel.resetConnectBackoff();
    config = stub.globalToZone(new Relay<>(gen, this::run, new ConfigSink()));
    Hello hello = Hello.newBuilder().setZone(zone).addAllHeld(applier.held()).build();
    config.onNext(ZoneRequest.newBuilder().setHello(hello).build());
    StreamObserver<ZoneUpload> upload =
        stub.zoneToGlobal(new Relay<>(gen, this::run, new UploadSink()));
    // Taken after the subscription: a change it misses is queued behind this task.
    uploader.open(upload, store.snapshot());
    LOG.info("zone {}: dialled the global, holding {} resources", zone, hello.getHeldCount());
  }

  private void onPush(GlobalPush push) {
    meters.pushesReceived.increment();
    if (!connected) {
      connected = true;
      meters.connected(true);
      backoff.reset();
      LOG.info("zone {}: connected to the global", zone);
    }
    PushApplier.Applied applied = applier.apply(push);
    config.onNext(applied.answer());
    if (applied.acked()) {
      meters.acksSent.increment();
    } else {
      meters.nacksSent.increment();
      LOG.warn("zone {}: NACKed push {}: {}", zone, push.getNonce(), applied.answer().getNack());
    }
    if (push.getRevision() > 0) {
      meters.synced(push.getRevision());
      synced = true;
    }
  }

  /** A stream of generation {@code gen} ended: drop both and retry after the backoff. */
  private void streamEnded(long gen, String stream, Status status) {
    if (gen != generation || closed) {
      return;
    }
    generation++;
    cancelStreams("the " + stream + " stream ended");
    if (connected) {
      connected = false;
      meters.connected(false);
    }
    Duration delay = backoff.next();
    LOG.warn(
        "zone {}: {} stream to the global ended ({}); reconnecting in {} ms (the local copy keeps"
            + " serving)",
        zone,
        stream,
        status.getDescription() == null
            ? status.getCode()
            : status.getCode() + ": " + status.getDescription(),
        delay.toMillis());
    retry =
        executor.schedule(
            () -> {
              meters.reconnects.increment();
              connect();
            },
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  private void cancelStreams(String why) {
    RuntimeException cancelled = Status.CANCELLED.withDescription(why).asRuntimeException();
    if (config != null) {
      config.onError(cancelled);
      config = null;
    }
    StreamObserver<ZoneUpload> upload = uploader.detach();
    if (upload != null) {
      upload.onError(cancelled);
    }
  }

  private void run(Runnable task) {
    try {
      executor.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              // The executor would keep it in a future nobody reads; say it instead.
              LOG.error("zone {}: KDS client task failed", zone, e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("KDS client task dropped after close", e);
    }
  }

  /** Stops reconnecting, cancels the streams and closes the connection; the store stays open. */
  @Override
  public void close() {
    run(
        () -> {
          closed = true;
          if (retry != null) {
            retry.cancel(false);
          }
          if (subscription != null) {
            subscription.close();
          }
          cancelStreams("zone " + zone + " is shutting down");
        });
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connected = false;
    meters.connected(false);
  }

  /** Pushes of the current generation are applied and answered. */
  private final class ConfigSink implements Relay.Sink<GlobalPush> {
    @Override
    public void message(long gen, GlobalPush push) {
      if (gen != generation || closed) {
        return;
      }
      try {
        onPush(push);
      } catch (RuntimeException e) {
        // Unanswered, the push would stall the stream: drop it, and declare what the store
        // really holds on the next connect.
        LOG.error("zone {}: applying push {} failed", zone, push.getNonce(), e);
        streamEnded(gen, "config", Status.INTERNAL.withDescription(e.toString()));
      }
    }

    @Override
    public void ended(long gen, Status status) {
      streamEnded(gen, "config", status);
    }
  }

  /** Upload acks of the current generation let the next delta go. */
  private final class UploadSink implements Relay.Sink<UploadAck> {
    @Override
    public void message(long gen, UploadAck ack) {
      if (gen == generation && !closed) {
        uploader.acked(ack);
      }
    }

    @Override
    public void ended(long gen, Status status) {
      streamEnded(gen, "upload", status);
    }
  }
}
