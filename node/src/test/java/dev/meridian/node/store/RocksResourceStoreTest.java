package dev.meridian.node.store;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.ResourceStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract over RocksDB files in a temporary data dir; reopen reads them back. */
class RocksResourceStoreTest extends ResourceStoreContract {
  @TempDir Path dataDir;

  @Override
  protected ResourceStore open() {
    return new JournaledResourceStore(RocksJournal.open(dataDir), clock);
  }

  @Override
  protected ResourceStore reopen() {
    store.close();
    return open();
  }
}
