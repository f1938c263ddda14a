package dev.meridian.node.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * RocksHandles owns the native objects of one open database: its options, its column families and
 * the synced write options. RocksDB frees none of them on garbage collection; {@link #close} frees
 * them in the order RocksDB requires (column families, database, then options).
 */
final class RocksHandles implements AutoCloseable {
  /** RocksDB's own family (unused, but always opened), then ours, in handle order. */
  static final List<String> FAMILIES = List.of("default", "resources", "log", "meta");

  private final DBOptions options;
  private final ColumnFamilyOptions familyOptions;
  private final WriteOptions syncWrites;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;

  private RocksHandles(
      DBOptions options,
      ColumnFamilyOptions familyOptions,
      WriteOptions syncWrites,
      RocksDB db,
      List<ColumnFamilyHandle> handles) {
    this.options = options;
    this.familyOptions = familyOptions;
    this.syncWrites = syncWrites;
    this.db = db;
    this.handles = handles;
  }

  static RocksHandles open(Path dir) {
    DBOptions options =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setKeepLogFileNum(3);
    ColumnFamilyOptions familyOptions = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : FAMILIES) {
      descriptors.add(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.US_ASCII), familyOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles);
      return new RocksHandles(
          options, familyOptions, new WriteOptions().setSync(true), db, List.copyOf(handles));
    } catch (RocksDBException e) {
      handles.forEach(ColumnFamilyHandle::close);
      options.close();
      familyOptions.close();
      throw DataDir.openFailed(dir, e);
    }
  }

  RocksDB db() {
    return db;
  }

  ColumnFamilyHandle resources() {
    return handles.get(1);
  }

  ColumnFamilyHandle log() {
    return handles.get(2);
  }

  ColumnFamilyHandle meta() {
    return handles.get(3);
  }

  /** Write options that sync the write-ahead log before a write returns. */
  WriteOptions syncWrites() {
    return syncWrites;
  }

  /** True when no family holds an entry (a database RocksDB has just created). */
  boolean isEmpty() {
    for (ColumnFamilyHandle handle : handles) {
      try (RocksIterator it = db.newIterator(handle)) {
        it.seekToFirst();
        if (it.isValid()) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    syncWrites.close();
    familyOptions.close();
    options.close();
  }
}
