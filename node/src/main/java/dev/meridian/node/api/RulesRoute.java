package dev.meridian.node.api;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * RulesRoute answers {@code _rules}: what applies to a stored dataplane and why, computed from the
 * store as its zone would compute it (the dataplane in its zone, the mesh and the mesh's policies),
 * with the zone's locality-guard refusals where the role has them.
 */
final class RulesRoute {
  private final ResourceStore store;
  private final ApiRole role;

  RulesRoute(ResourceStore store, ApiRole role) {
    this.store = store;
    this.role = role;
  }

  void register(Javalin app) {
    app.get("/meshes/{mesh}/dataplanes/{name}/_rules", this::rules);
  }

  private void rules(Context ctx) {
    String mesh = ctx.pathParam("mesh");
    Resource dataplane =
        Lookup.find(
                store,
                Dataplanes.TYPE,
                mesh,
                ctx.pathParam("name"),
                ctx.queryParam(Lookup.ZONE_PARAM))
            .resource();
    String zone = role.zoneOf(dataplane);
    Resource meshResource =
        store
            .get(ResourceKey.of(Meshes.TYPE.name(), "", mesh))
            .map(StoredResource::resource)
            .orElse(null);
    List<Resource> policies = new ArrayList<>();
    for (String type : List.of(MeshTraces.TYPE.name(), TrafficTraces.TYPE.name())) {
      store.list(type, mesh).forEach(s -> policies.add(s.resource()));
    }
    DataplaneRules rules =
        MeshPolicies.of(meshResource, policies).rules(Dataplanes.inZone(dataplane, zone), zone);
    Responses.send(
        ctx, 200, RulesJson.of(dataplane, zone, rules, role.refusals(mesh, dataplane.name())));
  }
}
