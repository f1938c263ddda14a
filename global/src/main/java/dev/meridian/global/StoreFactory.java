package dev.meridian.global;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.global.cluster.ReplicatedResourceStore;
import dev.meridian.global.cluster.Replication;
import dev.meridian.global.config.GlobalConfig;
import dev.meridian.node.store.RocksJournal;
import java.time.Clock;

/**
 * StoreFactory opens the global over its store: the journaled store over RocksDB in the data dir,
 * replicated across the cluster's replicas when the settings name a cluster.
 */
final class StoreFactory {
  private StoreFactory() {}

  static GlobalNode open(GlobalConfig config) {
    JournaledResourceStore local =
        new JournaledResourceStore(RocksJournal.open(config.dataDir()), Clock.systemUTC());
    if (!config.cluster().enabled()) {
      return new GlobalNode(config, local, Replication.STANDALONE);
    }
    ReplicatedResourceStore replicated =
        ReplicatedResourceStore.open(
            config.cluster(), config.bindAddress(), config.dataDir(), local);
    return new GlobalNode(config, replicated, replicated);
  }
}
