package dev.meridian.bench.scale;

import com.google.protobuf.Any;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Markers finds a round's marker in xDS resources without unpacking them: each round names its own
 * collector host, which every listener it reaches carries as a plain string inside the nested
 * messages, so it shows up verbatim in the packed bytes.
 */
final class Markers {
  private Markers() {}

  /** The bytes to look for when a round's collector is {@code host}. */
  static byte[] of(String host) {
    return (host + ":").getBytes(StandardCharsets.UTF_8);
  }

  static boolean anyContains(List<Any> resources, byte[] marker) {
    for (Any resource : resources) {
      if (indexOf(resource.getValue().toByteArray(), marker) >= 0) {
        return true;
      }
    }
    return false;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
