package dev.meridian.node.api;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ZoneAdmission is a zone's rule: it takes its own dataplanes and MeshTraces labelled {@code
 * kuma.io/origin: zone}, and stores both under its name ({@code kuma.io/zone}). Meshes,
 * TrafficTraces and global MeshTraces come from the global, so writing them here answers 400.
 */
final class ZoneAdmission implements Admission {
  private final String zone;

  ZoneAdmission(String zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public boolean acceptsDataplanes() {
    return true;
  }

  @Override
  public void checkPut(ResourceType type, String mesh, String name) {
    if (!ownsSome(type)) {
      throw ownedByGlobal(ApiException.WRITE_TITLE, ResourceKey.of(type.name(), mesh, name));
    }
  }

  @Override
  public void checkOwner(Resource resource, ResourceKey path, String labelsField) {
    if (resource.type() == MeshTraces.TYPE && !resource.isZoneOrigin()) {
      throw new ApiException(
          400,
          ApiException.WRITE_TITLE,
          ownership(
                  ResourceKey.of(resource.type().name(), resource.mesh(), resource.name()), "apply")
              + "; to create it in this zone instead, label it "
              + Labels.ORIGIN
              + ": zone",
          List.of(
              new Violation(
                  labelsField + "[\"" + Labels.ORIGIN + "\"]",
                  "must be \"zone\" for a MeshTrace written to a zone")));
    }
  }

  @Override
  public List<Violation> labelProblems(Resource resource) {
    List<Violation> out = new ArrayList<>();
    String origin = resource.label(Labels.ORIGIN);
    if (origin != null && !origin.equals(Labels.ORIGIN_ZONE)) {
      out.add(
          new Violation(
              Labels.ORIGIN,
              "\""
                  + origin
                  + "\" is not allowed here: what a zone stores is zone-origin; leave the label out"
                  + " or set it to \"zone\""));
    }
    String labelled = resource.label(Labels.ZONE);
    if (labelled != null && !labelled.equals(zone)) {
      out.add(
          new Violation(
              Labels.ZONE,
              "\""
                  + labelled
                  + "\" is another zone; this is zone \""
                  + zone
                  + "\": apply the resource in its own zone, or leave the label out"));
    }
    return out;
  }

  @Override
  public Resource stamp(Resource resource) {
    Map<String, String> labels = new HashMap<>(resource.labels());
    labels.put(Labels.ORIGIN, Labels.ORIGIN_ZONE);
    labels.put(Labels.ZONE, zone);
    return new Resource(
        resource.type(),
        resource.mesh(),
        resource.name(),
        labels,
        resource.creationTime(),
        resource.spec());
  }

  @Override
  public String missingMesh(String mesh) {
    return "mesh \"" + mesh + "\" does not exist in this zone yet; create it on the global";
  }

  /**
   * The zone's own resource of that name; a global one of that name answers 400, and when neither
   * exists the zone key is returned for the caller's 404.
   */
  @Override
  public ResourceKey deleteKey(ResourceStore store, ResourceType type, String mesh, String name) {
    ResourceKey global = ResourceKey.of(type.name(), mesh, name);
    if (!ownsSome(type)) {
      throw ownedByGlobal(ApiException.DELETE_TITLE, global);
    }
    ResourceKey own = new ResourceKey(type.name(), mesh, name, zone);
    if (store.get(own).isEmpty() && type != Dataplanes.TYPE && store.get(global).isPresent()) {
      throw ownedByGlobal(ApiException.DELETE_TITLE, global);
    }
    return own;
  }

  /** Dataplanes are the zone's; of the policies, only zone-origin MeshTraces are. */
  private static boolean ownsSome(ResourceType type) {
    return type == Dataplanes.TYPE || type == MeshTraces.TYPE;
  }

  private static ApiException ownedByGlobal(String title, ResourceKey key) {
    String verb = ApiException.DELETE_TITLE.equals(title) ? "delete" : "apply";
    return new ApiException(400, title, ownership(key, verb), List.of());
  }

  private static String ownership(ResourceKey key, String verb) {
    return key + " is owned by the global control plane; " + verb + " it on the global";
  }
}
