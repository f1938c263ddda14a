package dev.meridian.zone.kds;

import dev.meridian.common.store.Change;
import dev.meridian.common.store.ResourceStore.Snapshot;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploader is the upload side of a {@link KdsClient}: the full inventory when a stream opens, then
 * the queued changes as deltas, one upload in flight until its ack. Not thread-safe: the client's
 * executor owns it.
 */
final class Uploader {
  private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

  private final String zone;
  private final UploadQueue queue;
  private final KdsMeters meters;
  private StreamObserver<ZoneUpload> stream;
  private String inFlight;
  private long nonces;

  Uploader(String zone, KdsMeters meters) {
    this.zone = zone;
    this.queue = new UploadQueue(zone);
    this.meters = meters;
  }

  /** A new stream: sends the inventory in {@code snapshot}, which supersedes what was queued. */
  void open(StreamObserver<ZoneUpload> stream, Snapshot snapshot) {
    this.stream = stream;
    send(queue.full(snapshot));
  }

  /** The stream is gone; changes queue until the next {@link #open}. */
  StreamObserver<ZoneUpload> detach() {
    StreamObserver<ZoneUpload> gone = stream;
    stream = null;
    inFlight = null;
    return gone;
  }

  void changed(Change change) {
    queue.offer(change);
    sendDelta();
  }

  void acked(UploadAck ack) {
    if (!ack.getNonce().equals(inFlight)) {
      LOG.warn("zone {}: ack of unknown upload \"{}\"; ignored", zone, ack.getNonce());
      return;
    }
    inFlight = null;
    ack.getRejectedList()
        .forEach(
            r ->
                LOG.warn(
                    "zone {}: the global rejected {} (uploaded again when it changes or on"
                        + " reconnect): {}",
                    zone,
                    Wire.describe(r.getId()),
                    r.getViolationsList()));
    sendDelta();
  }

  private void sendDelta() {
    if (stream == null || inFlight != null) {
      return;
    }
    ZoneUpload.Builder delta = queue.delta();
    if (delta != null) {
      send(delta);
    }
  }

  private void send(ZoneUpload.Builder upload) {
    inFlight = Long.toString(++nonces);
    stream.onNext(upload.setNonce(inFlight).build());
    meters.uploads.increment();
  }
}
