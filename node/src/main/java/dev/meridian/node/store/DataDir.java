package dev.meridian.node.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** DataDir prepares the data dir before RocksDB opens it and explains RocksDB's refusals. */
final class DataDir {
  private DataDir() {}

  /** Creates the dir if missing; refuses one that is not a writable directory. */
  static Path prepare(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new JournalException(
          "cannot create data dir "
              + absolute
              + " ("
              + e
              + "); point the data dir at a directory this process can create",
          e);
    }
    if (!Files.isWritable(absolute)) {
      throw notWritable(absolute, null);
    }
    return absolute;
  }

  /** Why RocksDB would not open {@code dir}, as a person can act on it. */
  static JournalException openFailed(Path dir, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    Status status = e.getStatus();
    boolean io = status != null && status.getCode() == Status.Code.IOError;
    if (io && lower.contains("lock hold by current process")) {
      return new JournalException(
          "data dir " + dir + " is already open in this process; close the other store first", e);
    }
    if (io && lower.contains("lock")) {
      return new JournalException(
          "data dir "
              + dir
              + " is in use by another Meridian process (it holds "
              + dir.resolve("LOCK")
              + "); stop that process or choose another data dir",
          e);
    }
    if (lower.contains("permission denied") || lower.contains("read-only file system")) {
      return notWritable(dir, e);
    }
    return new JournalException("cannot open data dir " + dir + ": " + message, e);
  }

  private static JournalException notWritable(Path dir, Exception cause) {
    return new JournalException(
        "data dir " + dir + " is not writable; give this process write access or choose another",
        cause);
  }
}
