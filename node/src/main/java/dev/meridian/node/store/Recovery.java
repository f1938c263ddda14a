package dev.meridian.node.store;

import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.Journal;
import dev.meridian.common.store.StoredResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Recovery reads a journal's content back and checks it before any of it is served: the log runs
 * from revision 1 to the stored revision without gaps, every entry decodes, and the resources are
 * exactly what replaying the log gives. Any other state is damage, reported with the entry at
 * fault; nothing is skipped.
 */
final class Recovery {
  private final Path dir;
  private final RocksDB db;

  Recovery(Path dir, RocksDB db) {
    this.dir = dir;
    this.db = db;
  }

  Journal.Recovered read(ColumnFamilyHandle resources, ColumnFamilyHandle log, long revision) {
    List<Change> changes = readLog(log, revision);
    Map<ResourceKey, StoredResource> stored = readResources(resources);
    Map<ResourceKey, StoredResource> replayed = new HashMap<>();
    for (Change change : changes) {
      if (change.isRemoval()) {
        replayed.remove(change.key());
      } else {
        replayed.put(change.key(), change.stored());
      }
    }
    for (ResourceKey key : union(stored, replayed)) {
      if (!Objects.equals(stored.get(key), replayed.get(key))) {
        throw damaged(
            "resources entry " + key,
            "differs from the change log (stored: "
                + describe(stored.get(key))
                + ", log: "
                + describe(replayed.get(key))
                + ")",
            null);
      }
    }
    return new Journal.Recovered(List.copyOf(stored.values()), changes);
  }

  private List<Change> readLog(ColumnFamilyHandle log, long revision) {
    List<Change> changes = new ArrayList<>();
    try (RocksIterator it = db.newIterator(log)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        long expected = changes.size() + 1L;
        String entry = "change log entry " + describeRevision(it.key());
        long found = revisionOf(entry, it.key());
        if (found != expected) {
          throw damaged(entry, "the log skips from " + (expected - 1) + " to " + found, null);
        }
        try {
          changes.add(StoredCodec.change(found, it.value()));
        } catch (IllegalArgumentException e) {
          throw damaged(entry, e.getMessage(), e);
        }
      }
      status(it);
    }
    if (changes.size() != revision) {
      throw damaged(
          "meta entry revision",
          "says " + revision + " but the change log ends at " + changes.size(),
          null);
    }
    return changes;
  }

  private Map<ResourceKey, StoredResource> readResources(ColumnFamilyHandle resources) {
    Map<ResourceKey, StoredResource> out = new LinkedHashMap<>();
    try (RocksIterator it = db.newIterator(resources)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        String entry = "resources entry " + StoreKeys.describe(it.key());
        try {
          ResourceKey key = StoreKeys.resource(it.key());
          StoredResource stored = StoredCodec.stored(it.value());
          if (!stored.resource().key().equals(key)) {
            throw new IllegalArgumentException("holds " + stored.resource().key());
          }
          out.put(key, stored);
        } catch (IllegalArgumentException e) {
          throw damaged(entry, e.getMessage(), e);
        }
      }
      status(it);
    }
    return out;
  }

  private long revisionOf(String entry, byte[] key) {
    try {
      return StoreKeys.revision(key);
    } catch (IllegalArgumentException e) {
      throw damaged(entry, e.getMessage(), e);
    }
  }

  private void status(RocksIterator it) {
    try {
      it.status();
    } catch (RocksDBException e) {
      throw new JournalException("cannot read data dir " + dir + ": " + e.getMessage(), e);
    }
  }

  JournalException damaged(String entry, String problem, Throwable cause) {
    return new JournalException(
        "data dir "
            + dir
            + " is damaged: "
            + entry
            + ": "
            + problem
            + "; Meridian never skips a damaged entry: restore the data dir from a backup",
        cause);
  }

  private static String describeRevision(byte[] key) {
    return key.length == Long.BYTES ? "revision " + StoreKeys.revision(key) : "with a bad key";
  }

  private static String describe(StoredResource stored) {
    return stored == null ? "absent" : "version " + stored.version() + " @" + stored.revision();
  }

  private static List<ResourceKey> union(
      Map<ResourceKey, StoredResource> a, Map<ResourceKey, StoredResource> b) {
    List<ResourceKey> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }
}
