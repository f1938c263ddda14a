package dev.meridian.global;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.node.store.RocksJournal;
import java.nio.file.Path;
import java.time.Clock;

/** StoreFactory opens the global's store: the journaled store over RocksDB in the data dir. */
final class StoreFactory {
  private StoreFactory() {}

  static ResourceStore open(Path dataDir) {
    return new JournaledResourceStore(RocksJournal.open(dataDir), Clock.systemUTC());
  }
}
