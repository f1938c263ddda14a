package dev.meridian.node.store;

import dev.meridian.common.store.Change;
import dev.meridian.common.store.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * RocksJournal keeps a {@link dev.meridian.common.store.JournaledResourceStore}'s resources, change
 * log and revision in RocksDB under a data dir. Each {@link #commit} is one write batch, synced to
 * the write-ahead log before it returns, so a write the API acknowledged survives a kill of the
 * process or a power cut. Layout and guarantees: {@code docs/adr/005-rocksdb-journal.md}.
 *
 * <p>Every method holds {@code lock}: a commit never races {@link #close}, which frees native
 * handles.
 */
public final class RocksJournal implements Journal {
  static {
    RocksDB.loadLibrary();
  }

  /** Layout version in the meta family; a data dir of another layout is refused, not guessed. */
  static final long FORMAT = 1;

  static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);
  static final byte[] REVISION_KEY = "revision".getBytes(StandardCharsets.US_ASCII);

  private final Object lock = new Object();
  private final Path dir;
  private final RocksHandles rocks;
  private final Recovery recovery;

  // @GuardedBy("lock")
  private long revision;

  // @GuardedBy("lock"); read and checked by open, handed to the first recover, then dropped
  private Recovered opened;

  // @GuardedBy("lock"); a failed synced write leaves the WAL unknown: refuse all later writes
  private RocksDBException failure;

  // @GuardedBy("lock")
  private boolean closed;

  private RocksJournal(Path dir, RocksHandles rocks) {
    this.dir = dir;
    this.rocks = rocks;
    this.recovery = new Recovery(dir, rocks.db());
  }

  /**
   * Opens the journal in {@code dataDir}, creating the dir and an empty journal when missing, and
   * reads and checks all it holds, so a damaged dir fails here rather than later.
   *
   * @throws JournalException when the dir cannot be created or written, another process uses it, or
   *     what it holds is damaged or of another format
   */
  public static RocksJournal open(Path dataDir) {
    Path dir = DataDir.prepare(dataDir);
    RocksJournal journal = new RocksJournal(dir, RocksHandles.open(dir));
    try {
      synchronized (journal.lock) {
        journal.revision = journal.start();
        journal.opened = journal.readAll();
      }
      return journal;
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  @Override
  public Recovered recover() {
    synchronized (lock) {
      checkOpen();
      Recovered out = opened != null ? opened : readAll();
      opened = null;
      return out;
    }
  }

  @Override
  public void commit(List<Change> changes) {
    synchronized (lock) {
      checkOpen();
      if (changes.isEmpty()) {
        return;
      }
      if (failure != null) {
        throw new JournalException(
            "data dir " + dir + " refuses writes after a failed one; restart the node", failure);
      }
      long last = revision;
      try (WriteBatch batch = new WriteBatch()) {
        for (Change change : changes) {
          if (change.revision() != ++last) {
            throw new IllegalArgumentException(
                change.key() + ": revision " + change.revision() + ", expected " + last);
          }
          byte[] logged = readableLogEntry(change);
          byte[] key = StoreKeys.resource(change.key());
          if (change.isRemoval()) {
            batch.delete(rocks.resources(), key);
          } else {
            batch.put(rocks.resources(), key, StoredCodec.stored(change.stored()));
          }
          batch.put(rocks.log(), StoreKeys.revision(change.revision()), logged);
        }
        batch.put(rocks.meta(), REVISION_KEY, StoreKeys.revision(last));
        rocks.db().write(rocks.syncWrites(), batch);
        revision = last;
      } catch (RocksDBException e) {
        failure = e;
        throw new JournalException(
            "data dir " + dir + ": write up to revision " + last + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** Frees the native handles: column families, then the database, then its options. */
  @Override
  public void close() {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        rocks.close();
      }
    }
  }

  /** The journal's revision, after checking (or, when new, writing) the format marker. */
  private long start() {
    RocksDB db = rocks.db();
    try {
      byte[] format = db.get(rocks.meta(), FORMAT_KEY);
      byte[] stored = db.get(rocks.meta(), REVISION_KEY);
      if (format == null && stored == null && rocks.isEmpty()) {
        db.put(rocks.meta(), rocks.syncWrites(), FORMAT_KEY, StoreKeys.revision(FORMAT));
        return 0;
      }
      if (format == null) {
        throw recovery.damaged("meta entry format", "missing, though the dir holds data", null);
      }
      long found = StoreKeys.revision(format);
      if (found != FORMAT) {
        throw new JournalException(
            "data dir "
                + dir
                + " holds store format "
                + found
                + " but this Meridian reads format "
                + FORMAT
                + "; use a matching Meridian version or another data dir");
      }
      return stored == null ? 0 : StoreKeys.revision(stored);
    } catch (IllegalArgumentException e) {
      throw recovery.damaged("meta entry", e.getMessage(), e);
    } catch (RocksDBException e) {
      throw new JournalException("cannot read data dir " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The log entry for {@code change}, after checking it decodes to the same change: a value that
   * would not read back would stop the node from opening, so it is refused before it is written.
   */
  private static byte[] readableLogEntry(Change change) {
    byte[] bytes = StoredCodec.change(change);
    Change back;
    try {
      back = StoredCodec.change(change.revision(), bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(change.key() + " would not read back: " + e.getMessage());
    }
    if (!back.equals(change)) {
      throw new IllegalArgumentException(
          change.key() + " would read back as another resource: " + back.stored());
    }
    return bytes;
  }

  private Recovered readAll() {
    return recovery.read(rocks.resources(), rocks.log(), revision);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("journal of data dir " + dir + " is closed");
    }
  }
}
