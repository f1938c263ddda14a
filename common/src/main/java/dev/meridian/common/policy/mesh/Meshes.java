package dev.meridian.common.policy.mesh;

import dev.meridian.common.resource.ResourceType;

/** Meshes declares the Mesh resource type. */
public final class Meshes {
  public static final ResourceType TYPE =
      new ResourceType(
          "Mesh", "meshes", false, false, MeshDecoder::decode, MeshValidator::validate);

  private Meshes() {}
}
