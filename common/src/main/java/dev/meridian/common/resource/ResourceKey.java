package dev.meridian.common.resource;

import java.util.Objects;

/**
 * ResourceKey names one resource: its type, its mesh (empty for a Mesh), its name, and the zone it
 * comes from (empty for a resource of the global). Keying by zone means two zones' dataplanes of
 * the same name never collide.
 */
public record ResourceKey(String type, String mesh, String name, String zone) {
  public ResourceKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
  }

  /** The key of a resource of the global (no zone). */
  public static ResourceKey of(String type, String mesh, String name) {
    return new ResourceKey(type, mesh, name, "");
  }

  @Override
  public String toString() {
    String where = mesh.isEmpty() ? name : mesh + "/" + name;
    return zone.isEmpty() ? type + " " + where : type + " " + where + " (zone " + zone + ")";
  }
}
