package dev.meridian.zone.xds;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Snapshots turns a dataplane's resources into a java-control-plane snapshot whose version per
 * resource type is a hash of that type's resources: equal content, equal version, so a type that
 * did not change is not sent again, whatever else changed.
 */
final class Snapshots {
  private static final String EMPTY = hash(List.of());

  private Snapshots() {}

  /** The snapshot of {@code xds}, with the versions {@link #versions} computed for it. */
  static Snapshot of(XdsResources xds, Map<String, String> versions) {
    return Snapshot.create(
        xds.clusters(),
        versions.get(Resources.V3.CLUSTER_TYPE_URL),
        xds.endpoints(),
        versions.get(Resources.V3.ENDPOINT_TYPE_URL),
        xds.listeners(),
        versions.get(Resources.V3.LISTENER_TYPE_URL),
        List.of(),
        EMPTY,
        List.of(),
        EMPTY);
  }

  /** The version of each type, by type URL. */
  static Map<String, String> versions(XdsResources xds) {
    return Map.of(
        Resources.V3.LISTENER_TYPE_URL, hash(xds.listeners()),
        Resources.V3.CLUSTER_TYPE_URL, hash(xds.clusters()),
        Resources.V3.ENDPOINT_TYPE_URL, hash(xds.endpoints()));
  }

  /** SHA-256 of the resources' deterministic encodings (map entries sorted), length-prefixed. */
  static String hash(List<? extends Message> resources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (Message resource : resources) {
        bytes.reset();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        resource.writeTo(out);
        out.flush();
        byte[] encoded = bytes.toByteArray();
        digest.update(ByteBuffer.allocate(4).putInt(encoded.length).flip());
        digest.update(encoded);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
