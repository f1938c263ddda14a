package dev.meridian.node.api;

import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * ApiRole is what makes an {@link ApiServer} a global's or a zone's API: the name {@code GET /}
 * reports, which writes are admitted, the zone {@code _rules} computes for, and the role's own
 * routes ({@code /zones} on the global, {@code /xds} on a zone).
 */
public final class ApiRole {
  private final String name;
  private final Admission admission;
  private final String zone; // null on the global, which computes for each dataplane's own zone
  private final ServedView served; // null on the global, which serves no xDS
  private final Consumer<Javalin> routes;

  private ApiRole(
      String name, Admission admission, String zone, ServedView served, Consumer<Javalin> routes) {
    this.name = name;
    this.admission = admission;
    this.zone = zone;
    this.served = served;
    this.routes = routes;
  }

  /** The global: Meshes and global policies are written here; dataplanes come from zones. */
  public static ApiRole global(ZoneView zones) {
    Objects.requireNonNull(zones, "zones");
    return new ApiRole(
        "global", new GlobalAdmission(), null, null, app -> new ZoneRoutes(zones).register(app));
  }

  /**
   * Zone {@code zoneName}: its dataplanes and zone-origin MeshTraces are written here; what the
   * global owns is read-only. {@code served} shows what its xDS server serves.
   */
  public static ApiRole zone(String zoneName, ServedView served) {
    Objects.requireNonNull(zoneName, "zoneName");
    Objects.requireNonNull(served, "served");
    return new ApiRole(
        "zone",
        new ZoneAdmission(zoneName),
        zoneName,
        served,
        app -> new XdsRoute(served).register(app));
  }

  String name() {
    return name;
  }

  Admission admission() {
    return admission;
  }

  /** The zone a dataplane is seen in: this zone, or on the global the zone it was synced from. */
  String zoneOf(Resource dataplane) {
    return zone != null ? zone : dataplane.label(Labels.ZONE);
  }

  /** The locality guard's refusals for a dataplane; the global serves no xDS and refuses none. */
  Optional<List<String>> refusals(String mesh, String dataplane) {
    return served == null ? Optional.empty() : served.refusals(mesh, dataplane);
  }

  void registerRoutes(Javalin app) {
    routes.accept(app);
  }
}
