package dev.meridian.global.kds;

import dev.meridian.common.store.ResourceStore;
import dev.meridian.global.kds.KdsMetrics.ZoneMeters;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KdsContext is what every stream of one server shares: the store, the zone registry, the meters
 * and which stream is each zone's current one (per direction).
 */
final class KdsContext {
  private final ResourceStore store;
  private final ZoneRegistry zones;
  private final KdsMetrics metrics;
  private final Clock clock;
  private final Map<String, PushStream> pushStreams = new ConcurrentHashMap<>();
  private final Map<String, UploadStream> uploadStreams = new ConcurrentHashMap<>();
  private final Map<String, Object> uploadLocks = new ConcurrentHashMap<>();

  KdsContext(ResourceStore store, ZoneDirectory directory, KdsMetrics metrics, Clock clock) {
    this.store = store;
    this.zones = new ZoneRegistry(directory);
    this.metrics = metrics;
    this.clock = clock;
  }

  ResourceStore store() {
    return store;
  }

  ZoneRegistry zones() {
    return zones;
  }

  Clock clock() {
    return clock;
  }

  ZoneMeters meters(String zone) {
    return metrics.zone(zone, zones, this::pendingCount);
  }

  /**
   * Makes {@code stream} the zone's config stream and returns the one it replaces. Synchronized
   * with {@link #detach} so the registry's owner and the map never disagree when two streams of one
   * zone connect at once.
   */
  synchronized PushStream attach(String zone, PushStream stream) {
    PushStream previous = pushStreams.put(zone, stream);
    zones.connected(zone, stream, clock.instant());
    return previous;
  }

  /** The stream ended; the zone goes offline unless a newer stream replaced this one. */
  synchronized void detach(String zone, PushStream stream) {
    pushStreams.remove(zone, stream);
    zones.disconnected(zone, stream, clock.instant());
  }

  /** Makes {@code stream} the zone's upload stream and returns the one it replaces. */
  UploadStream attachUpload(String zone, UploadStream stream) {
    return uploadStreams.put(zone, stream);
  }

  /**
   * The lock an upload of {@code zone} holds while it writes, so that a replaced stream's last
   * upload and its successor's full inventory never interleave.
   */
  Object uploadLock(String zone) {
    return uploadLocks.computeIfAbsent(zone, z -> new Object());
  }

  boolean isCurrentUpload(String zone, UploadStream stream) {
    return uploadStreams.get(zone) == stream;
  }

  void detachUpload(String zone, UploadStream stream) {
    uploadStreams.remove(zone, stream);
  }

  List<PushStream> pushStreams() {
    return List.copyOf(pushStreams.values());
  }

  List<UploadStream> uploadStreams() {
    return List.copyOf(uploadStreams.values());
  }

  private double pendingCount(String zone) {
    PushStream stream = pushStreams.get(zone);
    return stream == null ? 0 : stream.pendingCount();
  }
}
