package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.store.ResourceStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad PUT of docs/http-api.md: its status, its whole error body, and nothing stored. */
class BadInputIT {
  private static final String TRACE = "/meshes/default/meshtraces/trace-east";
  private static final String INVALID =
      "{\"title\": \"Could not process a resource\", \"details\": \"Resource is not valid\","
          + " \"causes\": [%s]}";

  private final ApiFixture api = new ApiFixture();
  private ResourceStore.Snapshot before;

  @BeforeEach
  void meshExists() {
    api.create("/meshes/default", Bodies.MESH);
    before = api.store.snapshot();
  }

  @AfterEach
  void nothingStored() {
    assertThat(api.store.revision()).isEqualTo(before.revision());
    assertThat(api.store.snapshot()).isEqualTo(before);
    api.close();
  }

  private static String invalid(String field, String message) {
    return INVALID.formatted(
        "{\"field\": \""
            + field.replace("\"", "\\\"")
            + "\", \"message\": \""
            + message.replace("\"", "\\\"")
            + "\"}");
  }

  @Test
  void malformedYaml() {
    assertResponse(
        api.put(TRACE, "type: MeshTrace\nname: x\n  bad: [\n"),
        400,
        invalid(
            "",
            "malformed YAML at line 3, column 6: mapping values are not allowed here; in 'reader',"
                + " line 3, column 6:; bad: [; ^"));
  }

  @Test
  void malformedJson() {
    assertResponse(
        api.put(TRACE, "{\"type\": \"MeshTrace\", \"name\": ", "Content-Type", "application/json"),
        400,
        invalid(
            "",
            "malformed JSON at line 1, column 31: Unexpected end-of-input within/between Object"
                + " entries"));
  }

  @Test
  void nameDiffersFromThePath() {
    assertResponse(
        api.put("/meshes/default/meshtraces/other", Bodies.MESHTRACE_UNIVERSAL),
        400,
        invalid("name", "\"trace-east\" does not match the name in the path (\"other\")"));
  }

  @Test
  void kubernetesNameDiffersFromThePath() {
    assertResponse(
        api.put("/meshes/default/meshtraces/other", Bodies.MESHTRACE_KUBERNETES),
        400,
        invalid("metadata.name", "\"trace-east\" does not match the name in the path (\"other\")"));
  }

  @Test
  void meshDiffersFromThePath() {
    api.create("/meshes/other", Bodies.MESH.replace("name: default", "name: other"));
    before = api.store.snapshot();
    assertResponse(
        api.put("/meshes/other/meshtraces/trace-east", Bodies.MESHTRACE_UNIVERSAL),
        400,
        invalid("mesh", "\"default\" does not match the mesh in the path (\"other\")"));
  }

  @Test
  void typeDiffersFromThePath() {
    assertResponse(
        api.put(TRACE, Bodies.MESHTRACE_UNIVERSAL.replace("type: MeshTrace", "type: Mesh")),
        400,
        INVALID.formatted(
            "{\"field\": \"mesh\", \"message\": \"must not be set for a Mesh\"},"
                + " {\"field\": \"spec\", \"message\": \"unknown field\"},"
                + " {\"field\": \"type\", \"message\":"
                + " \"\\\"Mesh\\\" does not match the path, which is for MeshTrace\"}"));
  }

  @Test
  void unknownFields() {
    assertResponse(
        api.put(
            TRACE,
            Bodies.MESHTRACE_UNIVERSAL
                .replace("spec:", "colour: blue\nspec:")
                .replace("  default:", "  defaults: {}\n  default:")),
        400,
        INVALID.formatted(
            "{\"field\": \"spec.defaults\", \"message\": \"unknown field\"},"
                + " {\"field\": \"colour\", \"message\": \"unknown field\"}"));
  }

  @Test
  void invalidSpecListsEveryCause() {
    String body =
        """
        type: MeshTrace
        name: trace-east
        mesh: default
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
              - zipkin:
                  url: not-a-url
            sampling:
              overall: 200
        """;
    assertResponse(
        api.put(TRACE, body),
        400,
        INVALID.formatted(
            "{\"field\": \"spec.default.backends[0].zipkin.url\", \"message\":"
                + " \"must be a valid url\"},"
                + " {\"field\": \"spec.default.sampling.overall\", \"message\":"
                + " \"must be between 0 and 100\"}"));
  }

  @Test
  void bodyOverTheLimitAnswers413() {
    String big = Bodies.MESHTRACE_UNIVERSAL + "#" + "x".repeat((int) ApiFixture.BODY_LIMIT) + "\n";
    assertResponse(
        api.put(TRACE, big),
        413,
        "{\"title\": \"Could not process a resource\", \"details\": \"The request body is "
            + big.length()
            + " bytes, over the limit of "
            + ApiFixture.BODY_LIMIT
            + " bytes; a node's operator can raise it with MERIDIAN_API_BODY_LIMIT\","
            + " \"causes\": []}");
  }

  @Test
  void chunkedBodyOverTheLimitAnswers413() {
    byte[] big = ("#" + "x".repeat((int) ApiFixture.BODY_LIMIT) + "\n").getBytes();
    HttpResponse<String> response =
        api.send(
            api.request(TRACE)
                .PUT(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    assertResponse(
        response,
        413,
        "{\"title\": \"Could not process a resource\", \"details\": \"The request body is more"
            + " than "
            + ApiFixture.BODY_LIMIT
            + " bytes, over the limit of "
            + ApiFixture.BODY_LIMIT
            + " bytes; a node's operator can raise it with MERIDIAN_API_BODY_LIMIT\","
            + " \"causes\": []}");
  }

  @Test
  void meshMissing() {
    assertResponse(
        api.put(
            "/meshes/nowhere/meshtraces/trace-east",
            Bodies.MESHTRACE_UNIVERSAL.replace("mesh: default", "mesh: nowhere")),
        400,
        invalid("mesh", "mesh \"nowhere\" does not exist; create the mesh first"));
  }

  @Test
  void zoneOriginLabel() {
    assertResponse(
        api.put(
            TRACE,
            Bodies.MESHTRACE_UNIVERSAL.replace(
                "mesh: default", "mesh: default\nlabels:\n  kuma.io/origin: zone")),
        400,
        invalid(
            "labels[\"kuma.io/origin\"]",
            "\"zone\" marks a resource synced from a zone, which the global does not accept;"
                + " remove the label to create the resource on the global"));
  }

  @Test
  void ifMatchConflict() {
    String conflict =
        "{\"title\": \"Could not process a resource\", \"details\": \"Version conflict: Mesh"
            + " default: expected version %s, found %s; GET the resource for its current version"
            + " (ETag) and retry\", \"causes\": []}";
    assertResponse(
        api.put("/meshes/default", Bodies.MESH, "If-Match", "7"),
        409,
        conflict.formatted("7", "1"));
    assertResponse(
        api.put("/meshes/default", Bodies.MESH, "If-Match", "0"),
        409,
        conflict.formatted("none (create)", "1"));
    HttpResponse<String> delete = api.delete("/meshes/default", "If-Match", "3");
    assertThat(delete.statusCode()).isEqualTo(409);
  }

  @Test
  void ifMatchThatIsNotAVersion() {
    assertResponse(
        api.put("/meshes/default", Bodies.MESH, "If-Match", "latest"),
        400,
        "{\"title\": \"Could not process a resource\", \"details\": \"Bad request\", \"causes\":"
            + " [{\"field\": \"If-Match\", \"message\": \"\\\"latest\\\" is not a version; send"
            + " the ETag of a GET, or 0 to create only when absent\"}]}");
  }

  @Test
  void twoDocumentsInOneBody() {
    assertResponse(
        api.put(TRACE, Bodies.MESHTRACE_UNIVERSAL + "---\n" + Bodies.MESHTRACE_UNIVERSAL),
        400,
        invalid("", "the body holds 2 documents; send exactly one resource per request"));
  }

  @Test
  void emptyBody() {
    assertResponse(
        api.put(TRACE, ""),
        400,
        invalid("", "the body is empty; send one resource as YAML or JSON"));
  }
}
