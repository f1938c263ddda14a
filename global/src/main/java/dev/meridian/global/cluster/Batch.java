package dev.meridian.global.cluster;

import dev.meridian.common.store.Change;
import dev.meridian.node.store.StoredCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch is one committed group of writes as it travels between replicas: their changes (consecutive
 * revisions) and the epoch of the writer that committed it. Its {@link #stamp} orders batches in a
 * ring slot: a later epoch wins, then a later revision.
 */
record Batch(long epoch, List<Change> changes) {
  /** The most a batch's changes may encode to, so that it fits one Artery frame (256 KiB). */
  static final int MAX_BYTES = 192 * 1024;

  /**
   * {@code changes} as consecutive batches of at most {@value #MAX_BYTES} encoded bytes each (a
   * single larger change alone): one for a group of writes, several for a large Mesh cascade.
   */
  static List<Batch> split(long epoch, List<Change> changes) {
    List<Batch> batches = new ArrayList<>();
    int from = 0;
    int bytes = 0;
    for (int i = 0; i < changes.size(); i++) {
      int size = StoredCodec.change(changes.get(i)).length + 12;
      if (i > from && bytes + size > MAX_BYTES) {
        batches.add(new Batch(epoch, changes.subList(from, i)));
        from = i;
        bytes = 0;
      }
      bytes += size;
    }
    if (from < changes.size()) {
      batches.add(new Batch(epoch, changes.subList(from, changes.size())));
    }
    return batches;
  }

  Batch {
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one change");
    }
  }

  long first() {
    return changes.get(0).revision();
  }

  long last() {
    return changes.get(changes.size() - 1).revision();
  }

  /** The register timestamp of an encoded batch: epoch in the high bits, first revision below. */
  static long stamp(byte[] encoded) {
    if (encoded.length < 16) {
      return 0;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      return (in.readLong() << 40) | in.readLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code epoch, first revision, count, then (revision, length, StoredCodec entry)*}. */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(epoch);
      out.writeLong(first());
      out.writeInt(changes.size());
      for (Change change : changes) {
        byte[] entry = StoredCodec.change(change);
        out.writeLong(change.revision());
        out.writeInt(entry.length);
        out.write(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Batch decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      long epoch = in.readLong();
      in.readLong();
      int count = in.readInt();
      List<Change> changes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long revision = in.readLong();
        byte[] entry = new byte[in.readInt()];
        in.readFully(entry);
        changes.add(StoredCodec.change(revision, entry));
      }
      return new Batch(epoch, changes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an encoded batch: " + e.getMessage(), e);
    }
  }
}
