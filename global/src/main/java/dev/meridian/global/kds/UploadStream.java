package dev.meridian.global.kds;

import dev.meridian.common.store.StoreUnavailableException;
import dev.meridian.global.kds.KdsMetrics.ZoneMeters;
import dev.meridian.global.kds.UploadApplier.Applied;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UploadStream is one zone's ZoneToGlobal stream: it applies each upload and answers with an
 * UploadAck. The next upload is requested from the transport only after the ack is written and the
 * transport is ready again, so a zone that uploads faster than the store writes, or that does not
 * read its acks, is held back by HTTP/2 flow control instead of filling a queue here.
 *
 * <p>Threads: every field below {@code executor} is owned by {@code executor}, a sequential
 * executor over the server's shared pool; store writes run there too.
 */
final class UploadStream implements StreamObserver<ZoneUpload> {
  private static final Logger LOG = LoggerFactory.getLogger(UploadStream.class);

  private final KdsContext context;
  private final UploadApplier applier;
  private final ServerCallStreamObserver<UploadAck> out;
  private final Executor executor;

  private String zone;
  private ZoneMeters meters;
  private boolean wantsNext;
  private boolean closed;

  UploadStream(
      KdsContext context,
      UploadApplier applier,
      ServerCallStreamObserver<UploadAck> out,
      Executor executor) {
    this.context = context;
    this.applier = applier;
    this.out = out;
    this.executor = executor;
  }

  /** Installs the handlers; call before the service method returns. */
  void start() {
    out.disableAutoRequest();
    out.setOnReadyHandler(() -> run(this::requestNext));
    out.setOnCancelHandler(() -> run(this::end));
    out.request(1);
  }

  @Override
  public void onNext(ZoneUpload upload) {
    run(() -> handle(upload));
  }

  @Override
  public void onError(Throwable t) {
    run(this::end);
  }

  @Override
  public void onCompleted() {
    run(this::shutdownNow);
  }

  /** A newer upload stream of the same zone took over; this one ends with ABORTED. */
  void replaced() {
    run(
        () ->
            fail(
                Status.ABORTED.withDescription(
                    "zone \""
                        + zone
                        + "\" opened a newer ZoneToGlobal stream; this one is replaced")));
  }

  /** The server shuts down: end the stream normally. */
  void shutdown() {
    run(this::shutdownNow);
  }

  private void shutdownNow() {
    if (!closed) {
      out.onCompleted();
      end();
    }
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("KDS upload task dropped after shutdown", e);
    }
  }

  private void handle(ZoneUpload upload) {
    if (closed) {
      return;
    }
    if (zone == null) {
      String problem = ZoneNames.problem(upload.getZone());
      if (problem != null) {
        fail(Status.INVALID_ARGUMENT.withDescription(problem));
        return;
      }
      zone = upload.getZone();
      meters = context.meters(zone);
      UploadStream previous = context.attachUpload(zone, this);
      if (previous != null) {
        previous.replaced();
      }
    } else if (!upload.getZone().isEmpty() && !upload.getZone().equals(zone)) {
      fail(
          Status.INVALID_ARGUMENT.withDescription(
              "this stream belongs to zone \"" + zone + "\", not \"" + upload.getZone() + "\""));
      return;
    }
    Applied applied;
    synchronized (context.uploadLock(zone)) {
      if (!context.isCurrentUpload(zone, this)) {
        return; // replaced; the ABORTED is already on its way
      }
      try {
        applied = applier.apply(zone, upload);
      } catch (StoreUnavailableException e) {
        // No majority of the global's replicas: the zone reconnects (maybe to another replica)
        // and sends its full inventory again.
        fail(Status.UNAVAILABLE.withDescription(e.getMessage()));
        return;
      }
    }
    meters.uploaded().increment(applied.changed());
    meters.uploadRejected().increment(applied.rejected());
    if (applied.rejected() > 0) {
      LOG.warn(
          "zone {} uploaded {} invalid resources: {}",
          zone,
          applied.rejected(),
          applied.ack().getRejectedList());
    }
    out.onNext(applied.ack());
    wantsNext = true;
    requestNext();
  }

  private void requestNext() {
    if (!closed && wantsNext && out.isReady()) {
      wantsNext = false;
      out.request(1);
    }
  }

  private void fail(Status status) {
    if (closed) {
      return;
    }
    out.onError(status.asRuntimeException());
    end();
  }

  private void end() {
    if (closed) {
      return;
    }
    closed = true;
    if (zone != null) {
      context.detachUpload(zone, this);
    }
  }
}
