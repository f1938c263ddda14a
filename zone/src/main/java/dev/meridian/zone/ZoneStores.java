package dev.meridian.zone;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.node.store.RocksJournal;
import java.nio.file.Path;
import java.time.Clock;

/**
 * ZoneStores opens a zone's local copy: the journaled store over RocksDB in the data dir, loaded
 * from disk at once, so a zone restarted while its global is down serves what it last received.
 */
public final class ZoneStores {
  private ZoneStores() {}

  public static ResourceStore open(Path dataDir) {
    return new JournaledResourceStore(RocksJournal.open(dataDir), Clock.systemUTC());
  }
}
