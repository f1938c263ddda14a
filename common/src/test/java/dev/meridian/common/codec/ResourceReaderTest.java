package dev.meridian.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.policy.meshtrace.MeshTraceSpec;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceReaderTest {
  private static final String UNIVERSAL =
      """
      type: MeshTrace
      name: trace-all
      mesh: demo
      spec:
        targetRef: {kind: Mesh}
        default:
          backends: [{zipkin: {url: 'http://zipkin:9411/api/v2/spans'}}]
      """;

  private static final String KUBERNETES =
      """
      apiVersion: kuma.io/v1alpha1
      kind: MeshTrace
      metadata:
        name: trace-all
        namespace: kuma-system
        labels: {kuma.io/mesh: demo}
      spec:
        targetRef: {kind: Mesh}
        default:
          backends: [{zipkin: {url: 'http://zipkin:9411/api/v2/spans'}}]
      """;

  @Test
  void universalAndKubernetesFormsReadTheSameResource() {
    Resource universal = one(UNIVERSAL);
    Resource kubernetes = one(KUBERNETES);

    assertThat(universal.key()).isEqualTo(kubernetes.key());
    assertThat(universal.key().toString()).isEqualTo("MeshTrace demo/trace-all");
    assertThat(universal.spec(MeshTraceSpec.class)).isEqualTo(kubernetes.spec(MeshTraceSpec.class));
    assertThat(universal.labels()).isEmpty();
    assertThat(kubernetes.labels())
        .containsOnly(
            java.util.Map.entry(Labels.MESH, "demo"),
            java.util.Map.entry(Labels.K8S_NAMESPACE, "kuma-system"));
  }

  @Test
  void meshComesFromMeshFieldThenLabelThenDefault() {
    assertThat(one("type: TrafficTrace\nname: t\nmesh: a\nselectors: []").mesh()).isEqualTo("a");
    assertThat(one(kubernetesTrafficTrace("", "labels: {kuma.io/mesh: b}")).mesh()).isEqualTo("b");
    assertThat(one(kubernetesTrafficTrace("mesh: c", "")).mesh()).isEqualTo("c");
    assertThat(one(kubernetesTrafficTrace("", "")).mesh()).isEqualTo("default");
    assertThat(one("type: TrafficTrace\nname: t\nselectors: []").mesh()).isEqualTo("default");
  }

  @Test
  void meshFieldAndLabelMustAgree() {
    assertThat(readErrors(kubernetesTrafficTrace("mesh: a", "labels: {kuma.io/mesh: b}")))
        .containsExactly("mesh: must equal the kuma.io/mesh label (\"b\")");
  }

  @Test
  void multiDocumentYamlSkipsEmptyDocuments() {
    List<ParsedResource> docs =
        ResourceReader.read(
            "---\ntype: Mesh\nname: one\n---\n---\n# only a comment\n---\n" + UNIVERSAL + "---\n");

    assertThat(docs)
        .extracting(ParsedResource::describe)
        .containsExactly("Mesh one", "MeshTrace demo/trace-all");
    assertThat(docs).extracting(ParsedResource::index).containsExactly(0, 1);
    assertThat(docs).allSatisfy(d -> assertThat(d.readErrors()).isEmpty());
  }

  @Test
  void emptyInputHasNoDocuments() {
    assertThat(ResourceReader.read("")).isEmpty();
    assertThat(ResourceReader.read("  \n# nothing\n")).isEmpty();
  }

  @Test
  void jsonObjectConcatenatedObjectsAndArray() {
    String a = "{\"type\": \"Mesh\", \"name\": \"a\"}";
    String b = "{\"type\": \"Mesh\", \"name\": \"b\"}";

    assertThat(describe(a)).containsExactly("Mesh a");
    assertThat(describe(a + "\n" + b)).containsExactly("Mesh a", "Mesh b");
    assertThat(describe("[" + a + ", " + b + "]")).containsExactly("Mesh a", "Mesh b");
  }

  @Test
  void malformedYamlIsOneErrorWithLineAndColumn() {
    List<ParsedResource> docs = ResourceReader.read("type: Mesh\nname: [oops\n");

    assertThat(docs).singleElement().satisfies(d -> assertThat(d.resource()).isNull());
    assertThat(docs.get(0).readErrors())
        .singleElement()
        .satisfies(
            e -> assertThat(e.message()).startsWith("malformed YAML at line 2, column 12: "));
  }

  @Test
  void malformedJsonIsOneErrorWithLineAndColumn() {
    assertThat(readErrors("{\"type\": \"Mesh\",\n \"name\": }"))
        .singleElement()
        .satisfies(e -> assertThat(e).startsWith("malformed JSON at line 2, column 10: "));
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(readErrors("type: Mesh\nname: a\nname: b\n"))
        .containsExactly("malformed YAML at line 3, column 5: Duplicate field 'name'");
    assertThat(readErrors("{\"type\": \"Mesh\", \"name\": \"a\", \"name\": \"b\"}"))
        .containsExactly("malformed JSON at line 1, column 37: Duplicate field 'name'");
  }

  @Test
  void unknownFieldsAndWrongTypesAreReportedWithTheirPathAllAtOnce() {
    String yaml =
        """
        apiVersion: kuma.io/v1alpha1
        kind: MeshTrace
        metadata: {name: t, color: blue}
        spec:
          targetRef: {kind: Mesh, tags: [a]}
          default:
            backends: [{zipkin: {urll: 'http://z:9411', traceId128bit: 'yes'}}]
            sampling: {overall: true}
        """;

    assertThat(readErrors(yaml))
        .containsExactly(
            "metadata.color: unknown field",
            "spec.targetRef.tags: must be a map of strings",
            "spec.default.backends[0].zipkin.traceId128bit: must be a boolean",
            "spec.default.backends[0].zipkin.urll: unknown field",
            "spec.default.sampling.overall: must be an integer or a string");
  }

  @Test
  void selectorTagsMustBeStrings() {
    assertThat(
            readErrors(
                "type: TrafficTrace\nname: t\nselectors:\n- match: {kuma.io/service: 1, app: [x]}"))
        .containsExactly(
            "selectors[0].match[\"kuma.io/service\"]: must be a string",
            "selectors[0].match[\"app\"]: must be a string");
  }

  @Test
  void invalidNamesAndMeshNames() {
    assertThat(readErrors("type: TrafficTrace\nname: -bad name\nmesh: Mesh_1\nselectors: []"))
        .containsExactly(
            "mesh: invalid mesh name: use lower-case letters, digits and '-', start and end with a"
                + " letter or digit, at most 63 characters",
            "name: invalid name: use letters, digits, '-', '_' and '.', start and end with a"
                + " letter or digit, at most 253 characters");
    assertThat(readErrors("type: Mesh\nname: Default"))
        .containsExactly(
            "name: invalid mesh name: use lower-case letters, digits and '-', start and end with a"
                + " letter or digit, at most 63 characters");
    assertThat(readErrors("type: Mesh\nname: m\nmesh: m"))
        .containsExactly("mesh: must not be set for a Mesh");
    assertThat(readErrors("type: Mesh")).containsExactly("name: must not be empty");
  }

  @Test
  void apiVersionMustBeKumas() {
    assertThat(readErrors(KUBERNETES.replace("kuma.io/v1alpha1", "kuma.io/v1")))
        .containsExactly("apiVersion: must be kuma.io/v1alpha1");
  }

  @Test
  void unknownKindOrType() {
    String expected =
        "unknown type \"MeshHTTPRoute\"; expected one of Mesh, TrafficTrace,"
            + " MeshTrace, Dataplane";
    assertThat(readErrors("type: MeshHTTPRoute\nname: r")).containsExactly("type: " + expected);
    assertThat(readErrors(KUBERNETES.replace("kind: MeshTrace", "kind: MeshHTTPRoute")))
        .containsExactly("kind: " + expected);
    assertThat(readErrors("name: r")).containsExactly("type: must be defined");
  }

  @Test
  void documentThatIsNotAnObject() {
    assertThat(readErrors("just text")).containsExactly("must be an object");
    assertThat(readErrors("42")).containsExactly("must be an object");
  }

  @Test
  void oversizedInputIsRefusedWithAClearError() {
    String big = "type: Mesh\nname: m\nmtls: \"" + "a".repeat(5_000_000) + "\"\n";

    assertThat(readErrors(big))
        .containsExactly(
            "input too large: 5000028 characters, at most 3145728 are read; split it into several"
                + " requests");
  }

  @Test
  void deepNestingIsRefusedWithAClearError() {
    String nested = "[".repeat(2000) + "]".repeat(2000);
    StringBuilder block = new StringBuilder("type: Mesh\nname: m\nmtls:\n");
    for (int i = 1; i <= 2000; i++) {
      block.append(" ".repeat(i)).append("a:\n");
    }

    assertThat(readErrors("type: Mesh\nname: m\nmtls: " + nested))
        .containsExactly("malformed YAML: nested more than 100 levels deep");
    assertThat(readErrors(block.toString()))
        .containsExactly("malformed YAML: nested more than 100 levels deep");
    assertThat(readErrors("{\"type\": \"Mesh\", \"mtls\": " + nested + "}"))
        .containsExactly("malformed JSON: nested more than 100 levels deep");
  }

  private static String kubernetesTrafficTrace(String topLevel, String metadata) {
    return "apiVersion: kuma.io/v1alpha1\nkind: TrafficTrace\n"
        + topLevel
        + "\nmetadata: {name: t"
        + (metadata.isEmpty() ? "" : ", " + metadata)
        + "}\nspec: {selectors: [{match: {kuma.io/service: '*'}}]}\n";
  }

  private static Resource one(String text) {
    List<ParsedResource> docs = ResourceReader.read(text);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).readErrors()).isEmpty();
    return docs.get(0).resource();
  }

  private static List<String> describe(String text) {
    List<ParsedResource> docs = ResourceReader.read(text);
    assertThat(docs).allSatisfy(d -> assertThat(d.readErrors()).isEmpty());
    return docs.stream().map(ParsedResource::describe).toList();
  }

  private static List<String> readErrors(String text) {
    List<ParsedResource> docs = ResourceReader.read(text);
    assertThat(docs).hasSize(1);
    return docs.get(0).readErrors().stream().map(Violation::toString).toList();
  }
}
