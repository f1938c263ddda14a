package dev.meridian.common.resource;

import java.util.Objects;

/** ResourceKey names one resource: its type, its mesh (empty for a Mesh) and its name. */
public record ResourceKey(String type, String mesh, String name) {
  public ResourceKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return mesh.isEmpty() ? type + " " + name : type + " " + mesh + "/" + name;
  }
}
