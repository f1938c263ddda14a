package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static dev.meridian.node.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.store.ResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dataplanes reach the global from zones: read-only here, with {@code _rules} computed. */
class DataplanesIT {
  private final ApiFixture api = new ApiFixture();

  @BeforeEach
  void mesh() throws Exception {
    api.create("/meshes/default", Bodies.MESH);
    api.create("/meshes/default/meshtraces/trace-east", Bodies.MESHTRACE_UNIVERSAL);
    api.create(
        "/meshes/default/meshtraces/trace-west",
        Bodies.MESHTRACE_UNIVERSAL.replace("east", "west"));
    api.create("/meshes/default/traffic-traces/all", Bodies.TRAFFICTRACE_JSON);
    storeDataplane("east");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** As KDS stores a zone's dataplane: straight into the store, with origin and zone labels. */
  private void storeDataplane(String zone) throws Exception {
    Resource dataplane =
        ResourceReader.read(Bodies.DATAPLANE.replace("kuma.io/zone: east", "kuma.io/zone: " + zone))
            .get(0)
            .resource();
    api.store.put(dataplane, ResourceStore.ABSENT);
  }

  @Test
  void rulesShowWhatAppliesAndWhy() {
    assertResponse(
        api.get("/meshes/default/dataplanes/web-1/_rules"),
        200,
        """
        {"dataplane": "default/web-1", "zone": "east", "tracing": "MESH_TRACE",
         "meshTraces": [{"type": "MeshTrace", "name": "trace-east", "targetKind": "MeshSubset",
                         "origin": "global"}],
         "meshTraceConf": {"backends": [{"zipkin":
                           {"url": "http://east.zipkincollector:9411/api/v2/spans"}}]},
         "trafficTrace": {"policy": "all", "backendName": "jaeger", "problem": null},
         "skipped": []}
        """);
  }

  @Test
  void dataplanesAreReadableWithTheirZone() {
    JsonNode dataplane = json(api.get("/meshes/default/dataplanes/web-1").body());
    assertThat(dataplane.at("/labels/kuma.io~1zone").asText()).isEqualTo("east");
    assertThat(json(api.get("/dataplanes").body()).get("total").asInt()).isEqualTo(1);
    assertThat(json(api.get("/meshes/default/dataplanes").body()).get("total").asInt())
        .isEqualTo(1);
  }

  @Test
  void zonesSharingANameArePickedWithZone() throws Exception {
    storeDataplane("west");
    assertResponse(
        api.get("/meshes/default/dataplanes/web-1"),
        400,
        "{\"title\": \"Could not retrieve a resource\", \"details\": \"Bad request\", \"causes\":"
            + " [{\"field\": \"zone\", \"message\": \"Dataplane default/web-1 exists in zones"
            + " east, west; pick one with ?zone=\"}]}");
    JsonNode west = json(api.get("/meshes/default/dataplanes/web-1?zone=west").body());
    assertThat(west.at("/labels/kuma.io~1zone").asText()).isEqualTo("west");
    JsonNode rules = json(api.get("/meshes/default/dataplanes/web-1/_rules?zone=west").body());
    assertThat(rules.at("/meshTraces/0/name").asText()).isEqualTo("trace-west");
    assertThat(api.get("/meshes/default/dataplanes/web-1?zone=north").statusCode()).isEqualTo(404);
  }

  @Test
  void writesOfDataplanesAnswer405() {
    long revision = api.store.revision();
    String body =
        "{\"title\": \"Method not allowed\", \"details\": \"Dataplanes are synced from zones and"
            + " read-only on the global; register or remove a dataplane through its zone\","
            + " \"causes\": []}";
    var put = api.put("/meshes/default/dataplanes/web-1", Bodies.DATAPLANE);
    assertResponse(put, 405, body);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET");
    assertResponse(api.delete("/meshes/default/dataplanes/web-1"), 405, body);
    assertThat(api.store.revision()).isEqualTo(revision);
  }

  @Test
  void rulesOfAMissingDataplaneAnswer404() {
    assertResponse(
        api.get("/meshes/default/dataplanes/nope/_rules"),
        404,
        "{\"title\": \"Could not retrieve a resource\","
            + " \"details\": \"Dataplane default/nope not found\", \"causes\": []}");
  }
}
