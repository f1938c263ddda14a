package dev.meridian.node.api;

import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import java.util.List;

/**
 * Lookup finds one mesh-scoped resource by name. Resources synced from zones are keyed by zone too,
 * so two zones may hold the same name: {@code ?zone=} picks one; without it the global's own
 * resource wins, else the only one of that name.
 */
final class Lookup {
  static final String ZONE_PARAM = "zone";

  private Lookup() {}

  static StoredResource find(
      ResourceStore store, ResourceType type, String mesh, String name, String zone) {
    List<StoredResource> named =
        store.list(type.name(), mesh).stream()
            .filter(s -> s.resource().name().equals(name))
            .toList();
    List<StoredResource> picked =
        zone == null
            ? named.stream().filter(s -> s.resource().key().zone().isEmpty()).toList()
            : named.stream().filter(s -> s.resource().key().zone().equals(zone)).toList();
    if (picked.isEmpty() && zone == null && named.size() > 1) {
      List<String> zones = named.stream().map(s -> s.resource().key().zone()).toList();
      throw ApiException.badParameter(
          ApiException.READ_TITLE,
          ZONE_PARAM,
          type.name()
              + " "
              + mesh
              + "/"
              + name
              + " exists in zones "
              + String.join(", ", zones)
              + "; pick one with ?zone=");
    }
    List<StoredResource> found = picked.isEmpty() && zone == null ? named : picked;
    if (found.isEmpty()) {
      String where = zone == null ? "" : " in zone " + zone;
      throw ApiException.notFound(
          ApiException.READ_TITLE, type.name() + " " + mesh + "/" + name + " not found" + where);
    }
    return found.get(0);
  }
}
