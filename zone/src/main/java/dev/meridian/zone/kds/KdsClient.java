package dev.meridian.zone.kds;

import dev.meridian.common.store.Change;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KdsClient is the zone's end of KDS: it dials the global, declares what the local store holds,
 * applies every push to the local store and answers it, and uploads the zone's inventory (in full
 * on every connect, then deltas). When a stream fails both are dropped and reopened after a {@link
 * Backoff}; meanwhile the local store keeps serving what it has.
 *
 * <p>Threads: every field below {@code executor} is owned by {@code executor}, a single-threaded
 * scheduler that this client owns. gRPC callbacks, the store's change listener and reconnect timers
 * only submit tasks to it; a task of a stream generation that is no longer current is dropped. The
 * store listener runs on the writer's thread and never blocks it.
 */
public final class KdsClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KdsClient.class);

  private final String zone;
  private final ManagedChannel channel;
  private final KdsGrpc.KdsStub stub;
  private final ResourceStore store;
  private final KdsMeters meters;
  private final ScheduledExecutorService executor;
  private volatile boolean connected;
  private volatile boolean synced;
  private ResourceStore.Subscription subscription;

  private final PushApplier applier;
  private final UploadQueue uploads;
  private final Backoff backoff;
  private long generation;
  private StreamObserver<ZoneRequest> config;
  private StreamObserver<ZoneUpload> upload;
  private String uploadInFlight;
  private long nonces;
  private ScheduledFuture<?> retry;
  private boolean closed;

  /** A client of the global at {@code global} for {@code zone}, over {@code store}. */
  public KdsClient(String zone, HostPort global, ResourceStore store, MeterRegistry registry) {
    this(zone, channel(global), store, registry, Backoff.standard());
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
    ScheduledThreadPoolExecutor owner =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "meridian-kds-client-" + zone);
              t.setDaemon(true);
              return t;
            });
    // A pending retry must not hold up close(): cancelled or delayed tasks are dropped at shutdown.
    owner.setRemoveOnCancelPolicy(true);
    owner.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = owner;
    this.applier = new PushApplier(store);
    this.uploads = new UploadQueue(zone);
    this.backoff = backoff;
  }

  static ManagedChannel channel(HostPort global) {
    return NettyChannelBuilder.forAddress(global.host(), global.port())
        .usePlaintext()
        .keepAliveTime(30, TimeUnit.SECONDS)
        .maxInboundMessageSize(8 * 1024 * 1024)
        .build();
  }

  /** Subscribes to the local store and dials the global; returns at once. */
  public void start() {
    run(
        () -> {
          subscription = store.subscribe(store.revision(), this::onLocalChange);
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

  /** The store listener: on the writer's thread, so it only hands the change on. */
  private void onLocalChange(Change change) {
    run(
        () -> {
          uploads.offer(change);
          sendDelta();
        });
  }

  private void connect() {
    if (closed) {
      return;
    }
    long gen = ++generation;
    // The channel backs off on its own after refused connections; ours decides when to retry.
    channel.resetConnectBackoff();
    config = stub.globalToZone(new ConfigObserver(gen));
    Hello hello = Hello.newBuilder().setZone(zone).addAllHeld(applier.held()).build();
    config.onNext(ZoneRequest.newBuilder().setHello(hello).build());
    upload = stub.zoneToGlobal(new UploadObserver(gen));
    uploadInFlight = null;
    send(uploads.full(store.snapshot()));
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

  private void onUploadAck(UploadAck ack) {
    if (!ack.getNonce().equals(uploadInFlight)) {
      LOG.warn("zone {}: ack of unknown upload \"{}\"; ignored", zone, ack.getNonce());
      return;
    }
    uploadInFlight = null;
    ack.getRejectedList()
        .forEach(
            r ->
                LOG.warn(
                    "zone {}: the global rejected {}: {}",
                    zone,
                    Wire.describe(r.getId()),
                    r.getViolationsList()));
    sendDelta();
  }

  /** Sends the pending changes when connected and no upload awaits its ack. */
  private void sendDelta() {
    if (upload == null || uploadInFlight != null) {
      return;
    }
    ZoneUpload.Builder delta = uploads.delta();
    if (delta != null) {
      send(delta);
    }
  }

  private void send(ZoneUpload.Builder builder) {
    uploadInFlight = Long.toString(++nonces);
    upload.onNext(builder.setNonce(uploadInFlight).build());
    meters.uploads.increment();
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
    Status cancelled = Status.CANCELLED.withDescription(why);
    if (config != null) {
      config.onError(cancelled.asRuntimeException());
    }
    if (upload != null) {
      upload.onError(cancelled.asRuntimeException());
    }
    config = null;
    upload = null;
    uploadInFlight = null;
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
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

  /** ConfigObserver hands one generation's pushes to the executor. */
  private final class ConfigObserver implements StreamObserver<GlobalPush> {
    private final long gen;

    ConfigObserver(long gen) {
      this.gen = gen;
    }

    @Override
    public void onNext(GlobalPush push) {
      run(
          () -> {
            if (gen == generation && !closed) {
              onPush(push);
            }
          });
    }

    @Override
    public void onError(Throwable t) {
      run(() -> streamEnded(gen, "config", Status.fromThrowable(t)));
    }

    @Override
    public void onCompleted() {
      run(() -> streamEnded(gen, "config", Status.OK.withDescription("closed by the global")));
    }
  }

  /** UploadObserver hands one generation's upload acks to the executor. */
  private final class UploadObserver implements StreamObserver<UploadAck> {
    private final long gen;

    UploadObserver(long gen) {
      this.gen = gen;
    }

    @Override
    public void onNext(UploadAck ack) {
      run(
          () -> {
            if (gen == generation && !closed) {
              onUploadAck(ack);
            }
          });
    }

    @Override
    public void onError(Throwable t) {
      run(() -> streamEnded(gen, "upload", Status.fromThrowable(t)));
    }

    @Override
    public void onCompleted() {
      run(() -> streamEnded(gen, "upload", Status.OK.withDescription("closed by the global")));
    }
  }
}
