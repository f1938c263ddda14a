package dev.meridian.zone.xds;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * ChangeSet collects which dataplanes a batch of store changes can affect: every dataplane of a
 * mesh whose Mesh or policies changed, or single dataplanes (a changed one and its callers).
 */
final class ChangeSet {
  private final Set<String> wholeMeshes = new LinkedHashSet<>();
  private final Map<String, Set<String>> dataplanes = new LinkedHashMap<>();

  void wholeMesh(String mesh) {
    wholeMeshes.add(mesh);
  }

  void dataplanes(String mesh, Set<String> names) {
    dataplanes.computeIfAbsent(mesh, m -> new HashSet<>()).addAll(names);
  }

  Set<String> wholeMeshes() {
    return wholeMeshes;
  }

  /** The single dataplanes of {@code mesh} to regenerate, outside the whole meshes. */
  Map<String, Set<String>> dataplanes() {
    return dataplanes;
  }

  boolean isEmpty() {
    return wholeMeshes.isEmpty() && dataplanes.isEmpty();
  }
}
