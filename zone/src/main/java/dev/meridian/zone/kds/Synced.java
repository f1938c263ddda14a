package dev.meridian.zone.kds;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import java.util.List;
import java.util.Set;

/**
 * Synced says which local resources travel in which direction, mirroring the global: the global
 * pushes its Meshes and trace policies; this zone uploads its Dataplanes and its own zone-origin
 * MeshTraces.
 */
final class Synced {
  /** The label that records the global store revision a pushed resource was last written at. */
  static final String KDS_REVISION = "meridian.dev/kds-revision";

  static final List<String> PUSHED_TYPES =
      List.of(Meshes.TYPE.name(), TrafficTraces.TYPE.name(), MeshTraces.TYPE.name());

  static final List<String> UPLOADED_TYPES =
      List.of(Dataplanes.TYPE.name(), MeshTraces.TYPE.name());

  private static final Set<String> PUSHED = Set.copyOf(PUSHED_TYPES);

  private Synced() {}

  static boolean pushedType(String type) {
    return PUSHED.contains(type);
  }

  /** True for what this zone uploads: a Dataplane, or a MeshTrace of origin zone {@code zone}. */
  static boolean uploaded(Resource resource, String zone) {
    String type = resource.type().name();
    if (type.equals(Dataplanes.TYPE.name())) {
      return true;
    }
    return type.equals(MeshTraces.TYPE.name())
        && resource.isZoneOrigin()
        && zone.equals(resource.label(Labels.ZONE));
  }

  /** A removal carries only its key; a zone-origin resource is keyed under its zone. */
  static boolean uploaded(Change change, String zone) {
    if (!change.isRemoval()) {
      return uploaded(change.stored().resource(), zone);
    }
    ResourceKey key = change.key();
    return key.type().equals(Dataplanes.TYPE.name())
        || (key.type().equals(MeshTraces.TYPE.name()) && key.zone().equals(zone));
  }
}
