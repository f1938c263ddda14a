package dev.meridian.node.store;

import dev.meridian.common.resource.ResourceKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * StoreKeys encodes RocksDB keys. A resource key is its type, mesh, zone and name, each as UTF-8
 * with {@code 00} escaped to {@code 00 FF} and ended by {@code 00 01}: no part can run into the
 * next, and byte order sorts by type, then mesh, zone and name (the store's own order for ASCII
 * names). A log key is the revision as 8 bytes big-endian, so the log iterates in revision order.
 */
final class StoreKeys {
  private static final byte ESCAPE = 0x00;
  private static final byte ESCAPED_ZERO = (byte) 0xFF;
  private static final byte END = 0x01;
  private static final int END_OF_INPUT = 0x100; // no byte value: a trailing escape is malformed

  private StoreKeys() {}

  static byte[] resource(ResourceKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    for (String part : new String[] {key.type(), key.mesh(), key.zone(), key.name()}) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
        if (b == ESCAPE) {
          out.write(ESCAPED_ZERO);
        }
      }
      out.write(ESCAPE);
      out.write(END);
    }
    return out.toByteArray();
  }

  static ResourceKey resource(byte[] bytes) {
    String[] parts = new String[4];
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    int n = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != ESCAPE) {
        part.write(bytes[i]);
        continue;
      }
      int next = i + 1 < bytes.length ? bytes[++i] : END_OF_INPUT;
      if (next == ESCAPED_ZERO) {
        part.write(ESCAPE);
      } else if (next == END && n < parts.length) {
        parts[n++] = part.toString(StandardCharsets.UTF_8);
        part.reset();
      } else {
        throw malformed(bytes);
      }
    }
    if (n != parts.length || part.size() > 0) {
      throw malformed(bytes);
    }
    return new ResourceKey(parts[0], parts[1], parts[3], parts[2]);
  }

  static byte[] revision(long revision) {
    return ByteBuffer.allocate(Long.BYTES).putLong(revision).array();
  }

  static long revision(byte[] bytes) {
    if (bytes.length != Long.BYTES) {
      throw new IllegalArgumentException(
          "revision must be 8 bytes, got " + HexFormat.of().formatHex(bytes));
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  /** A key as people read it in an error: the decoded key when possible, else hex. */
  static String describe(byte[] bytes) {
    try {
      return resource(bytes).toString();
    } catch (IllegalArgumentException e) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
  }

  private static IllegalArgumentException malformed(byte[] bytes) {
    return new IllegalArgumentException(
        "malformed resource key 0x"
            + HexFormat.of().formatHex(bytes)
            + " (expected type, mesh, zone and name, each ended by 00 01)");
  }
}
