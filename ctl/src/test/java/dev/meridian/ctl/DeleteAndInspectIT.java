package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.parse.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delete} and {@code inspect dataplane} against a {@link ScriptedPeer} answering as
 * docs/http-api.md says. End-to-end tests against the real node come with its integration.
 */
class DeleteAndInspectIT {
  private static final String RULES =
      """
      {"dataplane": "default/web-1", "zone": "east", "tracing": "MESH_TRACE",
       "meshTraces": [
         {"type": "MeshTrace", "name": "trace-all", "targetKind": "Mesh", "origin": "global"},
         {"type": "MeshTrace", "name": "trace-east", "targetKind": "MeshSubset", "origin": "zone"}],
       "meshTraceConf": {"backends": [{"zipkin": {"url": "http://east.zipkincollector:9411/api/v2/spans"}}],
                         "sampling": {"overall": 80}, "tags": [{"name": "team", "literal": "core"}]},
       "trafficTrace": {"policy": "all", "backendName": "jaeger", "problem": null},
       "skipped": [{"type": "MeshTrace", "name": "gw",
                    "reason": "targetRef kind MeshGateway is not supported for sidecars"}]}
      """;

  @TempDir Path tmp;
  ScriptedPeer peer;
  CtlRunner ctl;

  @BeforeEach
  void start() throws Exception {
    peer = ScriptedPeer.start();
    ctl = CtlRunner.in(tmp);
  }

  @AfterEach
  void stop() {
    peer.close();
  }

  @Test
  void deletingAMeshPrintsEveryCascadedDeletion() {
    peer.on(
        "DELETE",
        "/meshes/default",
        200,
        "{\"deleted\": [\"Mesh default\", \"MeshTrace default/a\", \"TrafficTrace default/all\"]}");

    CtlRunner.Run run = ctl.run("delete", "mesh", "default", "--cp", peer.url());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(peer.requestLines()).containsExactly("DELETE /meshes/default");
    assertThat(run.out())
        .isEqualTo(
            "Mesh default deleted\nMeshTrace default/a deleted\nTrafficTrace default/all deleted\n");
  }

  @Test
  void deletingAPolicyUsesItsMeshAndAbsentIsNotFound() {
    peer.on(
            "DELETE",
            "/meshes/prod/traffic-traces/all",
            200,
            "{\"deleted\": [\"TrafficTrace prod/all\"]}")
        .on("DELETE", "/meshes/prod/traffic-traces/all", 404, "{\"title\": \"Not found\"}");

    CtlRunner.Run first =
        ctl.run("delete", "traffic-trace", "all", "-m", "prod", "--cp", peer.url());
    CtlRunner.Run again =
        ctl.run("delete", "traffic-trace", "all", "-m", "prod", "--cp", peer.url());

    assertThat(first.out()).isEqualTo("TrafficTrace prod/all deleted\n");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("TrafficTrace all in mesh prod not found\n");
  }

  @Test
  void inspectPrintsSourceMergeOrderTrafficTraceSkippedAndMergedConf() {
    peer.on("GET", "/meshes/default/dataplanes/web-1/_rules?zone=east", 200, RULES);

    CtlRunner.Run run =
        ctl.run("inspect", "dataplane", "web-1", "--zone", "east", "--cp", peer.url());

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            DATAPLANE       ZONE   TRACING
            default/web-1   east   MESH_TRACE

            MESHTRACES (merge order, later wins)
            NAME         TARGET KIND   ORIGIN
            trace-all    Mesh          global
            trace-east   MeshSubset    zone

            TRAFFICTRACE
            POLICY   BACKEND   PROBLEM
            all      jaeger    -

            SKIPPED
            TYPE        NAME   REASON
            MeshTrace   gw     targetRef kind MeshGateway is not supported for sidecars

            MERGED MESHTRACE CONF
            backends:
            - zipkin:
                url: http://east.zipkincollector:9411/api/v2/spans
            sampling:
              overall: 80
            tags:
            - name: team
              literal: core
            """);
  }

  @Test
  void inspectWithNothingApplyingSaysNone() {
    peer.on(
        "GET",
        "/meshes/prod/dataplanes/db-1/_rules",
        200,
        "{\"dataplane\": \"prod/db-1\", \"zone\": \"west\", \"tracing\": \"NONE\", \"meshTraces\":"
            + " [], \"meshTraceConf\": null, \"trafficTrace\": null, \"skipped\": []}");

    CtlRunner.Run run = ctl.run("inspect", "dataplane", "db-1", "-m", "prod", "--cp", peer.url());

    assertThat(run.out())
        .isEqualTo(
            """
            DATAPLANE   ZONE   TRACING
            prod/db-1   west   NONE

            MESHTRACES (merge order, later wins)
            none

            TRAFFICTRACE
            none

            SKIPPED
            none

            MERGED MESHTRACE CONF
            none
            """);
  }

  @Test
  void inspectAsJsonIsTheAnswerAndAbsentIsNotFound() throws Exception {
    peer.on("GET", "/meshes/default/dataplanes/web-1/_rules", 200, RULES)
        .on("GET", "/meshes/default/dataplanes/nope/_rules", 404, "{\"title\": \"Not found\"}");

    CtlRunner.Run json = ctl.run("inspect", "dataplane", "web-1", "-o", "json", "--cp", peer.url());
    CtlRunner.Run absent = ctl.run("inspect", "dataplane", "nope", "--cp", peer.url());

    assertThat(Json.MAPPER.readTree(json.out())).isEqualTo(Json.MAPPER.readTree(RULES));
    assertThat(absent.exit()).isEqualTo(1);
    assertThat(absent.err()).isEqualTo("Dataplane nope in mesh default not found\n");
  }
}
