package dev.meridian.zone.xds;

import java.util.Optional;

/**
 * NodeIds names a dataplane's xDS node {@code <mesh>.<dataplane>}. Mesh names cannot hold a dot, so
 * the first dot splits the id and a dataplane name may contain dots ({@code pod.namespace}).
 */
final class NodeIds {
  private NodeIds() {}

  /** DataplaneRef is one dataplane of one mesh. */
  record DataplaneRef(String mesh, String name) {
    String nodeId() {
      return of(mesh, name);
    }
  }

  static String of(String mesh, String dataplane) {
    return mesh + "." + dataplane;
  }

  /** The dataplane {@code nodeId} names, or empty when it is not {@code <mesh>.<dataplane>}. */
  static Optional<DataplaneRef> parse(String nodeId) {
    int dot = nodeId.indexOf('.');
    if (dot <= 0 || dot == nodeId.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new DataplaneRef(nodeId.substring(0, dot), nodeId.substring(dot + 1)));
  }
}
