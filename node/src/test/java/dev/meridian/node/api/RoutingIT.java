package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index, zone status, and the error bodies of routing: 404, 405, 500. */
class RoutingIT {
  @Test
  void indexNamesTheNode() {
    try (ApiFixture api = new ApiFixture()) {
      assertResponse(
          api.get("/"),
          200,
          "{\"product\": \"Meridian\", \"role\": \"global\", \"version\": \"0.1.0\"}");
    }
  }

  @Test
  void unknownPathAnswers404WithKumasBody() {
    try (ApiFixture api = new ApiFixture()) {
      var response = api.get("/meshes/default/widgets", "Accept", "text/html");
      assertResponse(
          response,
          404,
          "{\"title\": \"Not found\", \"details\": \"No such path: GET /meshes/default/widgets;"
              + " the paths are listed in docs/http-api.md\", \"causes\": []}");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }
  }

  @Test
  void wrongMethodAnswers405WithKumasBody() {
    try (ApiFixture api = new ApiFixture()) {
      assertResponse(
          api.method("PATCH", "/meshes/default"),
          405,
          "{\"title\": \"Method not allowed\", \"details\": \"PATCH is not allowed on"
              + " /meshes/default; allowed: GET, PUT, DELETE\", \"causes\": []}");
      assertResponse(
          api.method("POST", "/zones"),
          405,
          "{\"title\": \"Method not allowed\", \"details\": \"POST is not allowed on /zones;"
              + " allowed: GET\", \"causes\": []}");
    }
  }

  @Test
  void zonesShowTheirStatus() {
    try (ApiFixture api = new ApiFixture()) {
      api.zones.add(
          new ZoneStatusView(
              "east", true, Instant.parse("2026-01-02T03:04:05Z"), null, 42, 1, "bad conf"));
      String east =
          "{\"name\": \"east\", \"online\": true, \"lastConnected\": \"2026-01-02T03:04:05Z\","
              + " \"lastDisconnected\": null, \"ackedRevision\": 42, \"nacks\": 1,"
              + " \"lastNack\": \"bad conf\"}";
      assertResponse(api.get("/zones/east"), 200, east);
      assertResponse(
          api.get("/zones"), 200, "{\"total\": 1, \"items\": [" + east + "], \"next\": null}");
      assertResponse(
          api.get("/zones/west"),
          404,
          "{\"title\": \"Could not retrieve a zone\", \"details\": \"Zone west not found; a zone"
              + " appears once it has connected\", \"causes\": []}");
    }
  }

  @Test
  void unexpectedFailureAnswers500WithoutItsDetails() {
    ZoneView broken =
        () -> {
          throw new IllegalStateException("secret internals");
        };
    try (ApiFixture api = new ApiFixture(broken)) {
      var response = api.get("/zones");
      assertResponse(
          response,
          500,
          "{\"title\": \"Internal server error\", \"details\": \"The request failed unexpectedly;"
              + " the node's log has the details\", \"causes\": []}");
      assertThat(response.body()).doesNotContain("secret");
      assertThat(List.of(api.get("/").statusCode())).containsExactly(200);
    }
  }
}
