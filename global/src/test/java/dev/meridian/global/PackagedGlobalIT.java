package dev.meridian.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged global as a user runs it: CRUD in both YAML forms and JSON, bad input, a graceful
 * restart and a {@code kill -9}, all through the HTTP API of the real process. (Every bad-input
 * case is covered in depth, in-process, by {@code api.BadInputIT}; here one of each class proves
 * the packaged node behaves the same.)
 */
@Timeout(180)
class PackagedGlobalIT {
  private static final String YAML = "application/yaml";
  private static final String MESH_K8S =
      """
      apiVersion: kuma.io/v1alpha1
      kind: Mesh
      metadata:
        name: default
      spec:
        tracing:
          defaultBackend: jaeger
          backends:
          - name: jaeger
            type: zipkin
            sampling: 100.0
            conf:
              url: http://jaeger.tracing:9411/api/v2/spans
      """;

  @TempDir Path dir;

  @Test
  void crudInBothFormsSurvivesARestart() throws Exception {
    try (PackagedGlobal global = PackagedGlobal.start(dir)) {
      assertThat(global.put("/meshes/default", MESH_K8S, YAML).statusCode()).isEqualTo(201);
      assertThat(
              global.put("/meshes/default/meshtraces/east", meshTrace("east"), YAML).statusCode())
          .isEqualTo(201);
      String trafficTrace =
          "{\"type\":\"TrafficTrace\",\"name\":\"all\",\"mesh\":\"default\","
              + "\"selectors\":[{\"match\":{\"kuma.io/service\":\"*\"}}]}";
      assertThat(
              global
                  .put("/meshes/default/traffic-traces/all", trafficTrace, "application/json")
                  .statusCode())
          .isEqualTo(201);
      assertThat(
              global.put("/meshes/default/meshtraces/east", meshTrace("east"), YAML).statusCode())
          .isEqualTo(200);
      assertThat(
              global.put("/meshes/default/meshtraces/gone", meshTrace("gone"), YAML).statusCode())
          .isEqualTo(201);
      assertThat(global.delete("/meshes/default/meshtraces/gone").statusCode()).isEqualTo(200);
      String before = global.get("/meshes/default/meshtraces/east").body();

      global.stop();
      global.startAgain();

      HttpResponse<String> east = global.get("/meshes/default/meshtraces/east");
      assertThat(east.statusCode()).isEqualTo(200);
      assertThat(east.body()).isEqualTo(before);
      assertThat(east.headers().firstValue("ETag")).contains("\"2\"");
      assertThat(global.get("/meshes/default/traffic-traces/all").statusCode()).isEqualTo(200);
      assertThat(global.get("/meshes/default").body()).contains("jaeger.tracing:9411");
      assertThat(global.get("/meshes/default/meshtraces/gone").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void badInputAnswersKumaErrorsAndStoresNothing() throws Exception {
    try (PackagedGlobal global = PackagedGlobal.start(dir)) {
      HttpResponse<String> noMesh =
          global.put("/meshes/default/meshtraces/east", meshTrace("east"), YAML);
      assertThat(noMesh.statusCode()).isEqualTo(400);
      assertThat(noMesh.body())
          .contains("mesh \\\"default\\\" does not exist; create the mesh first");
      assertThat(global.put("/meshes/default", MESH_K8S, YAML).statusCode()).isEqualTo(201);

      HttpResponse<String> malformed = global.put("/meshes/default/meshtraces/x", "a: [b", YAML);
      HttpResponse<String> otherName =
          global.put("/meshes/default/meshtraces/other", meshTrace("east"), YAML);
      HttpResponse<String> invalid =
          global.put(
              "/meshes/default/meshtraces/east",
              meshTrace("east").replace("http://east.zipkin:9411/api/v2/spans", "not a url"),
              YAML);
      HttpResponse<String> tooLarge =
          global.put(
              "/meshes/default/meshtraces/east",
              meshTrace("east") + "#" + "x".repeat(2 << 20),
              YAML);

      assertThat(List.of(malformed, otherName, invalid, tooLarge))
          .extracting(HttpResponse::statusCode)
          .containsExactly(400, 400, 400, 413);
      assertThat(invalid.body())
          .contains(
              "{\"field\":\"spec.default.backends[0].zipkin.url\",\"message\":\"must be a valid"
                  + " url\"}");
      assertThat(global.get("/meshes/default/meshtraces").body()).contains("\"total\":0");
    }
  }

  @Test
  void killNineLosesNoAcknowledgedWrite() throws Exception {
    try (PackagedGlobal global = PackagedGlobal.start(dir)) {
      assertThat(global.put("/meshes/default", MESH_K8S, YAML).statusCode()).isEqualTo(201);
      List<String> acknowledged = new CopyOnWriteArrayList<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; ; i++) {
                    String name = "mt-" + i;
                    if (global
                            .put("/meshes/default/meshtraces/" + name, meshTrace(name), YAML)
                            .statusCode()
                        == 201) {
                      acknowledged.add(name);
                    }
                  }
                } catch (Exception e) {
                  // the node was killed mid-request: that write was never acknowledged
                }
              });
      writer.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);

      global.kill();
      writer.join(Duration.ofSeconds(30).toMillis());
      global.startAgain();

      assertThat(writer.isAlive()).isFalse();
      for (String name : acknowledged) {
        assertThat(global.get("/meshes/default/meshtraces/" + name).statusCode())
            .as("acknowledged %s", name)
            .isEqualTo(200);
      }
    }
  }

  static String meshTrace(String name) {
    return """
        type: MeshTrace
        name: %s
        mesh: default
        spec:
          targetRef:
            kind: MeshSubset
            tags:
              kuma.io/zone: %s
          default:
            backends:
            - zipkin:
                url: http://east.zipkin:9411/api/v2/spans
        """
        .formatted(name, name);
  }
}
