package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static dev.meridian.node.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A zone takes its dataplanes and zone-origin MeshTraces, stored with its origin and zone. */
class ZoneWritesIT {
  private static final String DATAPLANE = "/meshes/default/dataplanes/web-1";
  private static final String ZONE_MESHTRACE = "/meshes/default/meshtraces/z-zone";

  private final ApiFixture api = ZoneBodies.zoneWithGlobalResources(new CannedServed());

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void dataplanesAreCreatedReplacedAndDeletedWithTheZonesLabels() {
    assertResponse(
        api.put(DATAPLANE, ZoneBodies.DATAPLANE), 201, "{\"version\": 1, \"warnings\": []}");
    JsonNode stored = json(api.get(DATAPLANE).body());
    assertThat(stored.get("labels"))
        .isEqualTo(json("{\"kuma.io/origin\": \"zone\", \"kuma.io/zone\": \"east\"}"));
    assertThat(stored.at("/networking/address").asText()).isEqualTo("10.0.1.10");

    String moved = ZoneBodies.DATAPLANE.replace("10.0.1.10", "10.0.1.11");
    assertResponse(api.put(DATAPLANE, moved), 200, "{\"version\": 2, \"warnings\": []}");
    assertThat(json(api.get(DATAPLANE).body()).at("/networking/address").asText())
        .isEqualTo("10.0.1.11");

    assertResponse(
        api.delete(DATAPLANE), 200, "{\"deleted\": [\"Dataplane default/web-1 (zone east)\"]}");
    assertThat(api.get(DATAPLANE).statusCode()).isEqualTo(404);
    assertResponse(
        api.delete(DATAPLANE),
        404,
        "{\"title\": \"Could not delete a resource\", \"details\": \"Dataplane default/web-1"
            + " (zone east) not found\", \"causes\": []}");
  }

  @Test
  void aDataplaneLabelledWithThisZoneIsTaken() {
    assertThat(api.put(DATAPLANE, Bodies.DATAPLANE).statusCode()).isEqualTo(201);
    assertThat(json(api.get(DATAPLANE).body()).at("/labels/kuma.io~1zone").asText())
        .isEqualTo("east");
  }

  @Test
  void zoneMeshTracesAreCreatedAndDeletedWithTheZonesLabel() {
    assertResponse(
        api.put(ZONE_MESHTRACE, ZoneBodies.ZONE_MESHTRACE),
        201,
        "{\"version\": 1, \"warnings\": []}");
    assertThat(json(api.get(ZONE_MESHTRACE).body()).get("labels"))
        .isEqualTo(json("{\"kuma.io/origin\": \"zone\", \"kuma.io/zone\": \"east\"}"));
    assertThat(json(api.get("/meshes/default/meshtraces").body()).get("total").asInt())
        .isEqualTo(2);
    assertResponse(
        api.delete(ZONE_MESHTRACE),
        200,
        "{\"deleted\": [\"MeshTrace default/z-zone (zone east)\"]}");
    assertThat(api.get(ZONE_MESHTRACE).statusCode()).isEqualTo(404);
    assertThat(api.get("/meshes/default/meshtraces/a-global").statusCode()).isEqualTo(200);
  }

  @Test
  void anotherZonesLabelAnswers400() {
    long revision = api.store.revision();
    String west =
        ZoneBodies.ZONE_MESHTRACE.replace(
            "kuma.io/origin: zone", "kuma.io/origin: zone\n  kuma.io/zone: west");
    assertResponse(
        api.put(ZONE_MESHTRACE, west),
        400,
        "{\"title\": \"Could not process a resource\", \"details\": \"Resource is not valid\","
            + " \"causes\": [{\"field\": \"labels[\\\"kuma.io/zone\\\"]\", \"message\":"
            + " \"\\\"west\\\" is another zone; this is zone \\\"east\\\": apply the resource in"
            + " its own zone, or leave the label out\"}]}");
    assertThat(
            api.put(DATAPLANE, Bodies.DATAPLANE.replace("kuma.io/zone: east", "kuma.io/zone: west"))
                .statusCode())
        .isEqualTo(400);
    assertThat(api.store.revision()).isEqualTo(revision);
  }

  @Test
  void aDataplaneOfGlobalOriginAnswers400() {
    assertResponse(
        api.put(
            DATAPLANE, Bodies.DATAPLANE.replace("kuma.io/origin: zone", "kuma.io/origin: global")),
        400,
        "{\"title\": \"Could not process a resource\", \"details\": \"Resource is not valid\","
            + " \"causes\": [{\"field\": \"labels[\\\"kuma.io/origin\\\"]\", \"message\":"
            + " \"\\\"global\\\" is not allowed here: what a zone stores is zone-origin; leave the"
            + " label out or set it to \\\"zone\\\"\"}]}");
  }

  @Test
  void aMeshNotYetSyncedAnswers400() {
    long revision = api.store.revision();
    String cause =
        "{\"title\": \"Could not process a resource\", \"details\": \"Resource is not valid\","
            + " \"causes\": [{\"field\": \"mesh\", \"message\": \"mesh \\\"other\\\" does not exist"
            + " in this zone yet; create it on the global\"}]}";
    assertResponse(
        api.put(
            "/meshes/other/meshtraces/z-zone",
            ZoneBodies.ZONE_MESHTRACE.replace("mesh: default", "mesh: other")),
        400,
        cause);
    assertResponse(
        api.put(
            "/meshes/other/dataplanes/web-1",
            ZoneBodies.DATAPLANE.replace("mesh: default", "mesh: other")),
        400,
        cause);
    assertThat(api.store.revision()).isEqualTo(revision);
  }
}
