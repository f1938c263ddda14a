package dev.meridian.node.store;

/**
 * JournalException says the RocksDB journal cannot open, read or write its data dir; the message
 * names the data dir and, where one is at fault, the entry, and says what to do.
 */
public final class JournalException extends RuntimeException {
  JournalException(String message) {
    super(message);
  }

  JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
