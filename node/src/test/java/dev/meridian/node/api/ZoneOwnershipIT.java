package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** On a zone, what the global owns is read-only: writes answer 400 and change nothing. */
class ZoneOwnershipIT {
  private final ApiFixture api = ZoneBodies.zoneWithGlobalResources(new CannedServed());

  @AfterEach
  void stop() {
    api.close();
  }

  static Stream<Arguments> globalOwned() {
    return Stream.of(
        Arguments.of("/meshes/default", Bodies.MESH, "Mesh default"),
        Arguments.of(
            "/meshes/default/traffic-traces/all",
            Bodies.TRAFFICTRACE_JSON,
            "TrafficTrace default/all"));
  }

  @ParameterizedTest
  @MethodSource("globalOwned")
  void putOfAGlobalTypeAnswers400(String path, String body, String resource) {
    long revision = api.store.revision();
    assertResponse(
        api.put(path, body),
        400,
        "{\"title\": \"Could not process a resource\", \"details\": \""
            + resource
            + " is owned by the global control plane; apply it on the global\", \"causes\": []}");
    assertThat(api.store.revision()).isEqualTo(revision);
  }

  @ParameterizedTest
  @MethodSource("globalOwned")
  void deleteOfAGlobalTypeAnswers400(String path, String body, String resource) {
    long revision = api.store.revision();
    assertResponse(
        api.delete(path),
        400,
        "{\"title\": \"Could not delete a resource\", \"details\": \""
            + resource
            + " is owned by the global control plane; delete it on the global\", \"causes\": []}");
    assertThat(api.store.revision()).isEqualTo(revision);
    assertThat(api.get(path).statusCode()).isEqualTo(200);
  }

  @Test
  void putOfAMeshTraceWithoutZoneOriginAnswers400() {
    long revision = api.store.revision();
    assertResponse(
        api.put("/meshes/default/meshtraces/a-global", ZoneBodies.GLOBAL_MESHTRACE),
        400,
        "{\"title\": \"Could not process a resource\", \"details\": \"MeshTrace default/a-global"
            + " is owned by the global control plane; apply it on the global; to create it in"
            + " this zone instead, label it kuma.io/origin: zone\", \"causes\": [{\"field\":"
            + " \"labels[\\\"kuma.io/origin\\\"]\", \"message\": \"must be \\\"zone\\\" for a"
            + " MeshTrace written to a zone\"}]}");
    assertResponse(
        api.put("/meshes/default/meshtraces/trace-east", Bodies.MESHTRACE_KUBERNETES),
        400,
        "{\"title\": \"Could not process a resource\", \"details\": \"MeshTrace default/trace-east"
            + " is owned by the global control plane; apply it on the global; to create it in"
            + " this zone instead, label it kuma.io/origin: zone\", \"causes\": [{\"field\":"
            + " \"metadata.labels[\\\"kuma.io/origin\\\"]\", \"message\": \"must be \\\"zone\\\""
            + " for a MeshTrace written to a zone\"}]}");
    assertThat(api.store.revision()).isEqualTo(revision);
  }

  @Test
  void deleteOfAGlobalMeshTraceAnswers400() {
    long revision = api.store.revision();
    assertResponse(
        api.delete("/meshes/default/meshtraces/a-global"),
        400,
        "{\"title\": \"Could not delete a resource\", \"details\": \"MeshTrace default/a-global"
            + " is owned by the global control plane; delete it on the global\", \"causes\": []}");
    assertThat(api.store.revision()).isEqualTo(revision);
    assertThat(api.get("/meshes/default/meshtraces/a-global").statusCode()).isEqualTo(200);
  }

  @Test
  void indexNamesTheZoneRoleAndZonesAreTheGlobals() {
    assertResponse(
        api.get("/"),
        200,
        "{\"product\": \"Meridian\", \"role\": \"zone\", \"version\": \"0.1.0\"}");
    assertThat(api.get("/zones").statusCode()).isEqualTo(404);
  }
}
