package dev.meridian.global.cluster;

import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.ResourceStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract through the whole replication path (writer singleton, ring on disk, apply) on
 * a cluster of one replica; reopen starts it again on the same data dir.
 */
class ReplicatedStoreContractIT extends ResourceStoreContract {
  @TempDir Path dataDir;

  @Override
  protected ResourceStore open() throws Exception {
    return Replicas.startAll(1, dataDir, clock).get(0);
  }

  @Override
  protected ResourceStore reopen() throws Exception {
    store.close();
    return open();
  }
}
