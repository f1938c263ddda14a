package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static dev.meridian.node.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceCrudIT {
  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createsThenReplacesAMeshWithVersionsAndEtags() {
    HttpResponse<String> created = api.put("/meshes/default", Bodies.MESH);
    assertResponse(created, 201, "{\"version\": 1, \"warnings\": []}");
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

    assertResponse(
        api.put("/meshes/default", Bodies.MESH), 200, "{\"version\": 2, \"warnings\": []}");

    HttpResponse<String> got = api.get("/meshes/default");
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(got.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode mesh = json(got.body());
    assertThat(mesh.get("type").asText()).isEqualTo("Mesh");
    assertThat(mesh.get("name").asText()).isEqualTo("default");
    assertThat(mesh.has("creationTime")).isTrue();
    assertThat(mesh.has("modificationTime")).isTrue();
    assertThat(mesh.at("/tracing/defaultBackend").asText()).isEqualTo("jaeger");
  }

  @Test
  void storesAMeshTraceFromBothYamlFormsAndATrafficTraceFromJson() {
    api.create("/meshes/default", Bodies.MESH);
    assertResponse(
        api.put("/meshes/default/meshtraces/trace-east", Bodies.MESHTRACE_KUBERNETES),
        201,
        "{\"version\": 1, \"warnings\": []}");
    assertResponse(
        api.put("/meshes/default/meshtraces/trace-east", Bodies.MESHTRACE_UNIVERSAL),
        200,
        "{\"version\": 2, \"warnings\": []}");
    assertResponse(
        api.put(
            "/meshes/default/traffic-traces/all",
            Bodies.TRAFFICTRACE_JSON,
            "Content-Type",
            "application/json"),
        201,
        "{\"version\": 1, \"warnings\": []}");

    JsonNode trace = json(api.get("/meshes/default/meshtraces/trace-east").body());
    assertThat(trace.get("spec"))
        .isEqualTo(
            json(
                "{\"targetRef\": {\"kind\": \"MeshSubset\", \"tags\": {\"kuma.io/zone\": \"east\"}},"
                    + " \"default\": {\"backends\": [{\"zipkin\":"
                    + " {\"url\": \"http://east.zipkincollector:9411/api/v2/spans\"}}]}}"));
    JsonNode traffic = json(api.get("/meshes/default/traffic-traces/all").body());
    assertThat(traffic.at("/conf/backend").asText()).isEqualTo("jaeger");
    assertThat(traffic.at("/selectors/0/match/kuma.io~1service").asText()).isEqualTo("*");
  }

  @Test
  void answersYamlWhenAskedFor() throws Exception {
    api.create("/meshes/default", Bodies.MESH);
    HttpResponse<String> got = api.get("/meshes/default", "Accept", "application/yaml");
    assertThat(got.headers().firstValue("Content-Type")).hasValue("application/yaml");
    assertThat(got.body()).startsWith("type: Mesh\nname: default\n");
    assertThat(Json.YAML.readTree(got.body())).isEqualTo(json(api.get("/meshes/default").body()));
  }

  @Test
  void reportsWarningsOfAStoredResource() {
    api.create("/meshes/default", Bodies.MESH);
    assertResponse(
        api.put(
            "/meshes/default/traffic-traces/other",
            Bodies.TRAFFICTRACE_JSON.replace("\"all\"", "\"other\"").replace("jaeger", "zipkin")),
        201,
        "{\"version\": 1, \"warnings\": [{\"field\": \"conf.backend\", \"message\":"
            + " \"backend \\\"zipkin\\\" is not defined in mesh \\\"default\\\": this policy"
            + " produces no tracing until it is\"}]}");
  }

  @Test
  void ifMatchCreatesOnlyWithZeroAndReplacesOnlyTheNamedVersion() {
    assertResponse(
        api.put("/meshes/default", Bodies.MESH, "If-Match", "0"),
        201,
        "{\"version\": 1, \"warnings\": []}");
    assertResponse(
        api.put("/meshes/default", Bodies.MESH, "If-Match", "\"1\""),
        200,
        "{\"version\": 2, \"warnings\": []}");
    assertResponse(
        api.delete("/meshes/default", "If-Match", "2"), 200, "{\"deleted\": [\"Mesh default\"]}");
  }

  @Test
  void deletingAMeshDeletesItsPoliciesAndListsThem() {
    api.create("/meshes/default", Bodies.MESH);
    api.create("/meshes/default/meshtraces/trace-east", Bodies.MESHTRACE_UNIVERSAL);
    api.create("/meshes/default/traffic-traces/all", Bodies.TRAFFICTRACE_JSON);

    assertResponse(
        api.delete("/meshes/default"),
        200,
        "{\"deleted\": [\"Mesh default\", \"MeshTrace default/trace-east\","
            + " \"TrafficTrace default/all\"]}");
    assertThat(api.store.snapshot().resources()).isEmpty();
    assertThat(api.get("/meshes/default/meshtraces/trace-east").statusCode()).isEqualTo(404);
  }

  @Test
  void deletesAPolicy() {
    api.create("/meshes/default", Bodies.MESH);
    api.create("/meshes/default/meshtraces/trace-east", Bodies.MESHTRACE_UNIVERSAL);
    assertResponse(
        api.delete("/meshes/default/meshtraces/trace-east"),
        200,
        "{\"deleted\": [\"MeshTrace default/trace-east\"]}");
    assertThat(api.get("/meshes/default").statusCode()).isEqualTo(200);
  }

  @Test
  void missingResourcesAnswer404() {
    assertResponse(
        api.get("/meshes/default"),
        404,
        "{\"title\": \"Could not retrieve a resource\", \"details\": \"Mesh default not found\","
            + " \"causes\": []}");
    assertResponse(
        api.get("/meshes/default/meshtraces/a"),
        404,
        "{\"title\": \"Could not retrieve a resource\","
            + " \"details\": \"MeshTrace default/a not found\", \"causes\": []}");
    assertResponse(
        api.delete("/meshes/default/traffic-traces/a"),
        404,
        "{\"title\": \"Could not delete a resource\","
            + " \"details\": \"TrafficTrace default/a not found\", \"causes\": []}");
  }
}
