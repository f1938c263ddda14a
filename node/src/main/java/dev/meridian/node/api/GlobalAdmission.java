package dev.meridian.node.api;

import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.validation.Violation;
import java.util.List;

/**
 * GlobalAdmission is the global's rule: it takes Meshes and policies of its own; zone-origin
 * resources and dataplanes reach it only through KDS.
 */
final class GlobalAdmission implements Admission {
  @Override
  public boolean acceptsDataplanes() {
    return false;
  }

  @Override
  public void checkPut(ResourceType type, String mesh, String name) {
    // every type routed for writes on the global is the global's own
  }

  @Override
  public void checkOwner(Resource resource, ResourceKey path, String labelsField) {
    // a zone-origin label is reported with the other problems, by labelProblems
  }

  @Override
  public List<Violation> labelProblems(Resource resource) {
    if (!resource.isZoneOrigin()) {
      return List.of();
    }
    return List.of(
        new Violation(
            Labels.ORIGIN,
            "\"zone\" marks a resource synced from a zone, which the global does not accept;"
                + " remove the label to create the resource on the global"));
  }

  @Override
  public Resource stamp(Resource resource) {
    return resource;
  }

  @Override
  public String missingMesh(String mesh) {
    return "mesh \"" + mesh + "\" does not exist; create the mesh first";
  }

  @Override
  public ResourceKey deleteKey(ResourceStore store, ResourceType type, String mesh, String name) {
    return ResourceKey.of(type.name(), mesh, name);
  }
}
