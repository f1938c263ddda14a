package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static dev.meridian.node.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.parse.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A zone shows what it serves a dataplane: {@code /xds}, and {@code _rules} with refusals. */
class ZoneServedIT {
  private static final String XDS =
      "{\"listeners\": [{\"@type\": \"type.googleapis.com/envoy.config.listener.v3.Listener\","
          + " \"name\": \"inbound:10.0.1.10:8080\"}], \"clusters\": [], \"endpoints\": []}";

  private final CannedServed served = new CannedServed();
  private final ApiFixture api = ZoneBodies.zoneWithGlobalResources(served);

  @BeforeEach
  void dataplane() {
    api.create("/meshes/default/dataplanes/web-1", ZoneBodies.DATAPLANE);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void xdsIsTheServedConfig() throws Exception {
    served.xds.put("default/web-1", XDS);
    assertResponse(api.get("/meshes/default/dataplanes/web-1/xds"), 200, XDS);
    var yaml = api.get("/meshes/default/dataplanes/web-1/xds", "Accept", "application/yaml");
    assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(Json.YAML.readTree(yaml.body())).isEqualTo(json(XDS));
  }

  @Test
  void xdsOfADataplaneServedNothingAnswers404() {
    assertResponse(
        api.get("/meshes/default/dataplanes/web-1/xds"),
        404,
        "{\"title\": \"Could not retrieve a resource\", \"details\": \"Dataplane default/web-1"
            + " has no xDS stream and no config yet; it gets one once its proxy connects to this"
            + " zone\", \"causes\": []}");
  }

  @Test
  void rulesLetAZoneMeshTraceWinOverAGlobalOneOfTheSameKind() {
    api.create("/meshes/default/meshtraces/z-zone", ZoneBodies.ZONE_MESHTRACE);
    // Another zone's MeshTrace, as if synced here: it must not count for this zone's dataplane.
    ZoneBodies.synced(
        api,
        ZoneBodies.ZONE_MESHTRACE
            .replace("z-zone", "b-west")
            .replace("kuma.io/origin: zone", "kuma.io/origin: zone\n  kuma.io/zone: west"));
    served.refusals.put(
        "default/web-1", List.of("MeshTrace b-far: backend far.collector is not in this zone"));
    assertResponse(
        api.get("/meshes/default/dataplanes/web-1/_rules"),
        200,
        """
        {"dataplane": "default/web-1", "zone": "east", "tracing": "MESH_TRACE",
         "meshTraces": [
           {"type": "MeshTrace", "name": "a-global", "targetKind": "Mesh", "origin": "global"},
           {"type": "MeshTrace", "name": "z-zone", "targetKind": "Mesh", "origin": "zone"}],
         "meshTraceConf": {"backends": [{"zipkin":
                           {"url": "http://zone.collector:9411/api/v2/spans"}}]},
         "trafficTrace": {"policy": "all", "backendName": "jaeger", "problem": null},
         "skipped": [],
         "refused": ["MeshTrace b-far: backend far.collector is not in this zone"]}
        """);
  }

  @Test
  void rulesWithoutRefusalsLeaveThemOut() {
    assertThat(json(api.get("/meshes/default/dataplanes/web-1/_rules").body()).has("refused"))
        .isFalse();
  }
}
