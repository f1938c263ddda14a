package dev.meridian.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.parse.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;

/** ZoneRoutes serves {@code /zones} and {@code /zones/{name}} from a {@link ZoneView}. */
final class ZoneRoutes {
  private final ZoneView zones;

  ZoneRoutes(ZoneView zones) {
    this.zones = zones;
  }

  void register(Javalin app) {
    app.get(
        "/zones",
        ctx -> ListPage.of(ctx).send(ctx, zones.list(), ZoneStatusView::name, ZoneRoutes::json));
    app.get("/zones/{name}", this::one);
  }

  private void one(Context ctx) {
    String name = ctx.pathParam("name");
    ZoneStatusView zone =
        zones
            .get(name)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Could not retrieve a zone",
                        "Zone " + name + " not found; a zone appears once it has connected"));
    Responses.send(ctx, 200, json(zone));
  }

  static ObjectNode json(ZoneStatusView zone) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("name", zone.name());
    node.put("online", zone.online());
    node.put("lastConnected", text(zone.lastConnected()));
    node.put("lastDisconnected", text(zone.lastDisconnected()));
    node.put("ackedRevision", zone.ackedRevision());
    node.put("nacks", zone.nacks());
    node.put("lastNack", zone.lastNack());
    return node;
  }

  private static String text(Instant time) {
    return time == null ? null : time.toString();
  }
}
