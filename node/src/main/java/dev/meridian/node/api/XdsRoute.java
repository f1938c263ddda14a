package dev.meridian.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * XdsRoute serves a zone's {@code /meshes/{mesh}/dataplanes/{name}/xds}: the Envoy config the zone
 * currently serves that dataplane, from its {@link ServedView} (YAML on request, like every body).
 */
final class XdsRoute {
  private final ServedView served;

  XdsRoute(ServedView served) {
    this.served = served;
  }

  void register(Javalin app) {
    app.get("/meshes/{mesh}/dataplanes/{name}/xds", this::xds);
  }

  private void xds(Context ctx) {
    String mesh = ctx.pathParam("mesh");
    String name = ctx.pathParam("name");
    String json =
        served
            .xdsJson(mesh, name)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        ApiException.READ_TITLE,
                        "Dataplane "
                            + mesh
                            + "/"
                            + name
                            + " has no xDS stream and no config yet; it gets one once its proxy"
                            + " connects to this zone"));
    Responses.send(ctx, 200, parse(json));
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
