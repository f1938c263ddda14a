package dev.meridian.common.codec;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.resource.ResourceType;
import java.util.List;
import java.util.Optional;

/** ResourceTypes lists every resource type Meridian knows; a new policy adds one line here. */
public final class ResourceTypes {
  public static final List<ResourceType> ALL =
      List.of(Meshes.TYPE, TrafficTraces.TYPE, MeshTraces.TYPE, Dataplanes.TYPE);

  private ResourceTypes() {}

  /** By Universal {@code type} / Kubernetes {@code kind}, e.g. {@code MeshTrace}. */
  public static Optional<ResourceType> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** By HTTP API collection, e.g. {@code meshtraces}. */
  public static Optional<ResourceType> byCollection(String collection) {
    return ALL.stream().filter(t -> t.collection().equals(collection)).findFirst();
  }

  static String names() {
    return String.join(", ", ALL.stream().map(ResourceType::name).toList());
  }
}
