package dev.meridian.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.parse.Json;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.validation.Violation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * ResourceRoutes serves Kuma's resource paths: Meshes, the policies of each mesh, dataplanes and
 * the lists across meshes. Every write passes the node's {@link Admission}; where it does not take
 * dataplanes (the global receives them from zones), their writes answer 405.
 */
final class ResourceRoutes {
  private final ResourceStore store;
  private final ResourceWrites writes;
  private final BodyReader body;
  private final Admission admission;

  ResourceRoutes(ResourceStore store, BodyReader body, Admission admission) {
    this.store = store;
    this.writes = new ResourceWrites(store, admission);
    this.body = body;
    this.admission = admission;
  }

  void register(Javalin app, List<ResourceType> policies) {
    app.get("/meshes", ctx -> list(ctx, Meshes.TYPE, null));
    app.get("/meshes/{mesh}", ctx -> send(ctx, mesh(ctx.pathParam("mesh"))));
    app.put("/meshes/{mesh}", ctx -> put(ctx, Meshes.TYPE, "", ctx.pathParam("mesh")));
    app.delete("/meshes/{mesh}", ctx -> delete(ctx, Meshes.TYPE, "", ctx.pathParam("mesh")));
    for (ResourceType type : policies) {
      readable(app, type);
      writable(app, type);
    }
    readable(app, Dataplanes.TYPE);
    if (admission.acceptsDataplanes()) {
      writable(app, Dataplanes.TYPE);
    } else {
      String dataplane = "/meshes/{mesh}/" + Dataplanes.TYPE.collection() + "/{name}";
      app.put(dataplane, ResourceRoutes::readOnlyDataplane);
      app.delete(dataplane, ResourceRoutes::readOnlyDataplane);
    }
  }

  private void writable(Javalin app, ResourceType type) {
    String item = "/meshes/{mesh}/" + type.collection() + "/{name}";
    app.put(item, ctx -> put(ctx, type, ctx.pathParam("mesh"), ctx.pathParam("name")));
    app.delete(item, ctx -> delete(ctx, type, ctx.pathParam("mesh"), ctx.pathParam("name")));
  }

  private void readable(Javalin app, ResourceType type) {
    app.get("/" + type.collection(), ctx -> list(ctx, type, null));
    app.get("/meshes/{mesh}/" + type.collection(), ctx -> list(ctx, type, ctx.pathParam("mesh")));
    app.get(
        "/meshes/{mesh}/" + type.collection() + "/{name}",
        ctx ->
            send(
                ctx,
                Lookup.find(
                    store,
                    type,
                    ctx.pathParam("mesh"),
                    ctx.pathParam("name"),
                    ctx.queryParam(Lookup.ZONE_PARAM))));
  }

  private StoredResource mesh(String name) {
    return store
        .get(ResourceKey.of(Meshes.TYPE.name(), "", name))
        .orElseThrow(
            () -> ApiException.notFound(ApiException.READ_TITLE, "Mesh " + name + " not found"));
  }

  private void list(Context ctx, ResourceType type, String mesh) {
    ListPage page = ListPage.of(ctx);
    List<StoredResource> items =
        store.list(type.name(), mesh).stream().sorted(ResourceJson.NAME_ORDER).toList();
    page.send(ctx, items, s -> s.resource().name(), ResourceJson::of);
  }

  private static void send(Context ctx, StoredResource stored) {
    ctx.header("ETag", ResourceJson.etag(stored));
    Responses.send(ctx, 200, ResourceJson.of(stored));
  }

  private void put(Context ctx, ResourceType type, String mesh, String name) {
    admission.checkPut(type, mesh, name);
    long expected = IfMatch.expectedVersion(ctx.header(IfMatch.HEADER), ApiException.WRITE_TITLE);
    WriteOutcome outcome = writes.put(type, mesh, name, body.read(ctx), expected);
    ObjectNode answer = Json.MAPPER.createObjectNode();
    answer.put("version", outcome.stored().version());
    var warnings = answer.putArray("warnings");
    for (Violation w : outcome.warnings()) {
      warnings.addObject().put("field", w.field()).put("message", w.message());
    }
    ctx.header("ETag", ResourceJson.etag(outcome.stored()));
    Responses.send(ctx, outcome.created() ? 201 : 200, answer);
  }

  private void delete(Context ctx, ResourceType type, String mesh, String name) {
    long expected = IfMatch.expectedVersion(ctx.header(IfMatch.HEADER), ApiException.DELETE_TITLE);
    List<ResourceKey> removed = writes.delete(type, mesh, name, expected);
    ObjectNode answer = Json.MAPPER.createObjectNode();
    var deleted = answer.putArray("deleted");
    removed.forEach(key -> deleted.add(key.toString()));
    Responses.send(ctx, 200, answer);
  }

  private static void readOnlyDataplane(Context ctx) {
    ctx.header("Allow", "GET");
    throw new ApiException(
        405,
        "Method not allowed",
        "Dataplanes are synced from zones and read-only on the global; register or remove a"
            + " dataplane through its zone",
        List.of());
  }
}
