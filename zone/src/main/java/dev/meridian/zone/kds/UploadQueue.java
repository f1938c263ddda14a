package dev.meridian.zone.kds;

import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.ResourceStore.Snapshot;
import dev.meridian.common.store.StoredResource;
import dev.meridian.proto.kds.v1.ZoneUpload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UploadQueue holds the local changes not yet uploaded, the latest per key, so a zone cut off from
 * its global keeps one entry per changed resource however often it changes. Not thread-safe: the
 * client's executor owns it.
 */
final class UploadQueue {
  private final String zone;
  private final Map<ResourceKey, Change> pending = new LinkedHashMap<>();

  UploadQueue(String zone) {
    this.zone = zone;
  }

  void offer(Change change) {
    if (Synced.uploaded(change, zone)) {
      pending.put(change.key(), change);
    }
  }

  /**
   * The full inventory in {@code snapshot}; what is pending is dropped, since the snapshot is at
   * least as new (a change queued after it is uploaded again as a delta, which is harmless).
   */
  ZoneUpload.Builder full(Snapshot snapshot) {
    pending.clear();
    ZoneUpload.Builder upload = ZoneUpload.newBuilder().setZone(zone).setFull(true);
    for (StoredResource stored : snapshot.resources()) {
      if (Synced.uploaded(stored.resource(), zone)) {
        upload.addUpserts(Wire.upload(stored, zone));
      }
    }
    return upload;
  }

  /** The pending changes as one delta, now taken from the queue; null when there are none. */
  ZoneUpload.Builder delta() {
    if (pending.isEmpty()) {
      return null;
    }
    ZoneUpload.Builder upload = ZoneUpload.newBuilder().setZone(zone);
    for (Change change : pending.values()) {
      if (change.isRemoval()) {
        upload.addRemovals(Wire.id(change.key()));
      } else {
        upload.addUpserts(Wire.upload(change.stored(), zone));
      }
    }
    pending.clear();
    return upload;
  }

  int size() {
    return pending.size();
  }
}
