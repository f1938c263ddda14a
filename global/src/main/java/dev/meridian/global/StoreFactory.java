package dev.meridian.global;

import dev.meridian.common.store.Journal;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StoreFactory opens the global's store in its data directory: a {@link JournaledResourceStore}
 * over the RocksDB journal {@code dev.meridian.global.store.RocksJournal}. That class is written on
 * another branch; until it is merged it is looked up by name, and without it the store lives in
 * memory only, which start-up says loudly. After the merge this becomes {@code new
 * JournaledResourceStore(RocksJournal.open(dataDir), Clock.systemUTC())}.
 */
final class StoreFactory {
  static final String ROCKS_JOURNAL = "dev.meridian.global.store.RocksJournal";
  private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

  private StoreFactory() {}

  static ResourceStore open(Path dataDir) {
    Journal journal;
    try {
      Class<?> rocks = Class.forName(ROCKS_JOURNAL);
      journal = (Journal) rocks.getMethod("open", Path.class).invoke(null, dataDir);
      LOG.info("store: RocksDB in {}", dataDir.toAbsolutePath());
    } catch (ClassNotFoundException e) {
      LOG.warn(
          "store: {} is not in this build; resources are kept in memory only and lost on exit",
          ROCKS_JOURNAL);
      journal = Journal.NONE;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot open the store in "
              + dataDir.toAbsolutePath()
              + ": "
              + e.getCause().getMessage()
              + " (check MERIDIAN_DATA_DIR and that no other global uses the directory)",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(ROCKS_JOURNAL + " has no open(Path)", e);
    }
    return new JournaledResourceStore(journal, Clock.systemUTC());
  }
}
