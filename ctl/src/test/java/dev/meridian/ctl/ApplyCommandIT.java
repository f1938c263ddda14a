package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} against a {@link ScriptedPeer}: paths, bodies, order, and what is printed for each
 * answer of docs/http-api.md. End-to-end tests against the real node come with its integration.
 */
class ApplyCommandIT {
  private static final String DIR = "src/test/resources/ctl/";
  private static final String CREATED = "{\"version\": 1, \"warnings\": []}";

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
  void putsMeshesFirstInUniversalJsonAndPrintsCreatedUpdatedAndWarnings() throws Exception {
    Path file = tmp.resolve("both.yaml");
    // The policy comes first in the file, in the Kubernetes form; the Mesh must still go first.
    Files.writeString(
        file,
        """
        apiVersion: kuma.io/v1alpha1
        kind: MeshTrace
        metadata:
          name: trace-east
          labels:
            kuma.io/mesh: default
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
              - zipkin:
                  url: http://east.zipkincollector:9411/api/v2/spans
        ---
        type: Mesh
        name: default
        """);
    peer.on("PUT", "/meshes/default", 201, CREATED)
        .on(
            "PUT",
            "/meshes/default/meshtraces/trace-east",
            200,
            "{\"version\": 4, \"warnings\": [{\"field\": \"spec.default.sampling\","
                + " \"message\": \"not set; every request is traced\"}]}");

    CtlRunner.Run run = ctl.run("apply", "--cp", peer.url(), "-f", file.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(peer.requestLines())
        .containsExactly("PUT /meshes/default", "PUT /meshes/default/meshtraces/trace-east");
    assertThat(peer.received())
        .allSatisfy(r -> assertThat(r.contentType()).isEqualTo("application/json"));
    assertThat(json(peer.received().get(0).body()))
        .isEqualTo(json("{\"type\": \"Mesh\", \"name\": \"default\"}"));
    assertThat(json(peer.received().get(1).body()))
        .isEqualTo(
            json(
                """
                {"type": "MeshTrace", "mesh": "default", "name": "trace-east",
                 "labels": {"kuma.io/mesh": "default"},
                 "spec": {"targetRef": {"kind": "Mesh"},
                          "default": {"backends": [{"zipkin":
                             {"url": "http://east.zipkincollector:9411/api/v2/spans"}}]}}}
                """));
    assertThat(run.out()).isEqualTo("Mesh default created\nMeshTrace default/trace-east updated\n");
    assertThat(run.err())
        .isEqualTo(
            "MeshTrace default/trace-east: warning: spec.default.sampling: not set; every request"
                + " is traced\n");
  }

  @Test
  void readsStandardInput() throws Exception {
    peer.on("PUT", "/meshes/default", 201, CREATED);

    CtlRunner.Run run =
        ctl.withStdin(Files.readString(Path.of(DIR + "mesh.yaml")))
            .run("apply", "--cp", peer.url(), "-f", "-");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Mesh default created\n");
    assertThat(json(peer.received().get(0).body()).at("/tracing/defaultBackend").asText())
        .isEqualTo("jaeger");
  }

  @Test
  void aFileWithOneInvalidResourceAppliesNothingWhileAnotherFileApplies() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(Path.of(DIR + "mesh.yaml"))
            + "---\n"
            + Files.readString(Path.of(DIR + "invalid.yaml")));
    peer.on("PUT", "/meshes/default/meshtraces/trace-east", 201, CREATED);

    CtlRunner.Run run =
        ctl.run("apply", "--cp", peer.url(), "-f", bad.toString(), DIR + "east-west.yaml");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(peer.requestLines()).containsExactly("PUT /meshes/default/meshtraces/trace-east");
    assertThat(run.out()).isEqualTo("MeshTrace default/trace-east created\n");
    assertThat(run.err().lines())
        .contains(
            bad + ": TrafficTrace default/tt: selectors: must have at least one element",
            bad + ": 4 error(s); nothing applied from this file")
        .noneMatch(line -> line.contains("east-west.yaml"));
  }

  @Test
  void malformedOversizedMissingAndEmptyFilesApplyNothing() throws Exception {
    Path malformed = tmp.resolve("bad.yaml");
    Files.writeString(malformed, "type: Mesh\nname: [unclosed\n");
    Path big = tmp.resolve("big.yaml");
    Files.write(big, new byte[(int) InputFiles.MAX_BYTES + 1]);
    Path empty = tmp.resolve("empty.yaml");
    Files.writeString(empty, "---\n");
    String missing = tmp.resolve("missing.yaml").toString();

    CtlRunner.Run run =
        ctl.run(
            "apply",
            "--cp",
            peer.url(),
            "-f",
            malformed.toString(),
            big.toString(),
            missing,
            empty.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(peer.received()).isEmpty();
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .contains(
            big + ": is larger than 8 MiB; split it",
            missing + ": no such file",
            malformed + ": 1 error(s); nothing applied from this file",
            big + ": 1 error(s); nothing applied from this file",
            missing + ": 1 error(s); nothing applied from this file",
            empty + ": no resources; nothing applied");
    assertThat(run.err()).contains(malformed + ": document 1: malformed YAML at line 2");
  }

  @Test
  void serverErrorsPrintTitleDetailsAndEachCauseAndTheRestStillApplies() throws Exception {
    peer.on(
            "PUT",
            "/meshes/default/meshtraces/trace-east",
            400,
            """
            {"title": "Could not process a resource", "details": "Resource is not valid",
             "causes": [{"field": "mesh",
                         "message": "mesh \\"default\\" does not exist; create the mesh first"},
                        {"field": "spec.default.backends[0].zipkin.url",
                         "message": "must be a valid url"}]}
            """)
        .on("PUT", "/meshes/default/dataplanes/web-1", 405, methodNotAllowed())
        .on("PUT", "/meshes/default/dataplanes/backend-1", 502, "<html>Bad Gateway</html>");

    CtlRunner.Run run =
        ctl.run("apply", "--cp", peer.url(), "-f", DIR + "east-west.yaml", DIR + "dataplanes.yaml");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(peer.requestLines()).hasSize(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            DIR
                + "east-west.yaml: MeshTrace default/trace-east: Could not process a resource:"
                + " Resource is not valid\n"
                + "  mesh: mesh \"default\" does not exist; create the mesh first\n"
                + "  spec.default.backends[0].zipkin.url: must be a valid url\n"
                + DIR
                + "dataplanes.yaml: Dataplane default/web-1: Method not allowed: dataplanes are"
                + " read-only on the global; apply them to a zone node\n"
                + DIR
                + "dataplanes.yaml: Dataplane default/backend-1: the control plane answered 502:"
                + " <html>Bad Gateway</html>\n");
  }

  private static String methodNotAllowed() {
    return "{\"title\": \"Method not allowed\", \"details\": \"dataplanes are read-only on the"
        + " global; apply them to a zone node\", \"causes\": []}";
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }
}
