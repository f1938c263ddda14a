package dev.meridian.global.kds;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.store.Change;
import java.util.Set;

/**
 * Syncable says which resources travel in which direction: the global pushes its own Meshes and
 * trace policies; a zone uploads its Dataplanes and zone-origin MeshTraces. Nothing a zone uploaded
 * is ever pushed back to a zone.
 */
final class Syncable {
  static final Set<String> TYPES =
      Set.of(Meshes.TYPE.name(), TrafficTraces.TYPE.name(), MeshTraces.TYPE.name());

  static final Set<String> UPLOADED = Set.of(Dataplanes.TYPE.name(), MeshTraces.TYPE.name());

  private Syncable() {}

  static boolean pushed(Resource resource) {
    return TYPES.contains(resource.type().name()) && !resource.isZoneOrigin();
  }

  /** A removal carries only its key: a zone's resource is keyed under its zone. */
  static boolean pushed(Change change) {
    return change.isRemoval()
        ? TYPES.contains(change.key().type()) && change.key().zone().isEmpty()
        : pushed(change.stored().resource());
  }
}
