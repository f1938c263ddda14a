package dev.meridian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs in {@code deploy/kubernetes/crds} against the seed pages' Kubernetes examples ({@code
 * common/src/test/resources/seeds/*.yaml} with {@code apiVersion: kuma.io/v1alpha1}) and a table of
 * invalid manifests.
 *
 * <p>How close this is to the API server: {@code openAPIV3Schema} is validated as JSON Schema draft
 * 4 (OpenAPI 3.0's schema object is a draft-4/5 dialect). Two Kubernetes behaviours are emulated:
 * unknown fields (kubectl's default {@code --validate=strict}, i.e. server-side strict field
 * validation) become {@code additionalProperties: false} on every object node that lists {@code
 * properties} and does not set {@code x-kubernetes-preserve-unknown-fields} (a structural CRD may
 * not say {@code additionalProperties: false} itself). Not emulated: CEL rules ({@code
 * x-kubernetes-validations}, e.g. the shape of a sampling value that is an object), and what only
 * Meridian checks when a resource is applied (backend names resolve, URLs are URLs, the locality
 * guard, the {@code {value: x}} sampling form's content, metadata names). Those cases are not in
 * the invalid table.
 */
class CrdSchemaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path ROOT = repoRoot();
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  @BeforeAll
  static void loadCrds() throws IOException {
    // OpenAPI 3.0's schema object as JSON Schema draft 4; Kubernetes' extensions are annotations
    // here (the CEL rules in x-kubernetes-validations are evaluated only by the API server).
    Dialect kubernetesOpenApi =
        Dialect.builder(Dialects.getDraft4())
            .keyword(new NonValidationKeyword("x-kubernetes-preserve-unknown-fields"))
            .keyword(new NonValidationKeyword("x-kubernetes-int-or-string"))
            .keyword(new NonValidationKeyword("x-kubernetes-validations"))
            .keyword(new NonValidationKeyword("x-kubernetes-list-type"))
            .keyword(new NonValidationKeyword("x-kubernetes-map-type"))
            .build();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(kubernetesOpenApi);
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/kubernetes/crds"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode crd = YAML.readTree(file.toFile());
        assertThat(crd.path("kind").asText()).isEqualTo("CustomResourceDefinition");
        assertThat(crd.path("spec").path("group").asText()).isEqualTo("kuma.io");
        String kind = crd.path("spec").path("names").path("kind").asText();
        JsonNode openApi = crd.path("spec").path("versions").path(0).path("schema");
        JsonNode schema = openApi.path("openAPIV3Schema").deepCopy();
        assertThat(schema.isObject()).as("%s has an openAPIV3Schema", file).isTrue();
        strictUnknownFields(schema);
        SCHEMAS.put(kind, registry.getSchema(schema));
      }
    }
    assertThat(SCHEMAS).containsOnlyKeys("Mesh", "MeshTrace", "TrafficTrace");
  }

  static Stream<Arguments> seedExamples() throws IOException {
    Path seeds = ROOT.resolve("common/src/test/resources/seeds");
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String text = Files.readString(file);
        if (!text.contains("apiVersion: kuma.io/v1alpha1")) {
          continue; // a Universal example
        }
        for (JsonNode doc : YAML.readValues(YAML.createParser(text), JsonNode.class).readAll()) {
          out.add(Arguments.of(file.getFileName().toString(), doc));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedExamples")
  void everySeedKubernetesExampleIsAccepted(String file, JsonNode manifest) {
    assertThat(validate(manifest)).as("%s", file).isEmpty();
  }

  @Test
  void theSeedsCoverEveryKind() throws IOException {
    List<String> kinds =
        seedExamples().map(a -> ((JsonNode) a.get()[1]).path("kind").asText()).distinct().toList();
    assertThat(kinds).contains("Mesh", "MeshTrace", "TrafficTrace");
  }

  @Test
  void theOtherSamplingFormsAreAccepted() throws IOException {
    for (String overall : List.of("80", "\"80\"", "\"99.5\"", "{value: 80}", "{value: \"80\"}")) {
      JsonNode manifest = yaml(MESHTRACE_HEAD + "    sampling:\n      overall: " + overall + "\n");
      assertThat(validate(manifest)).as("overall: %s", overall).isEmpty();
    }
  }

  static Stream<Arguments> invalidManifests() {
    return Stream.of(
        Arguments.of(
            "MeshTrace: two backend kinds in one item",
            MESHTRACE_HEAD
                + "    backends:\n"
                + "      - zipkin: {url: 'http://a:9411/api/v2/spans'}\n"
                + "        datadog: {url: 'http://b:8126'}\n"),
        Arguments.of(
            "MeshTrace: a backend item of no kind", MESHTRACE_HEAD + "    backends:\n      - {}\n"),
        Arguments.of(
            "MeshTrace: an unknown backend kind",
            MESHTRACE_HEAD + "    backends:\n      - jaeger: {url: 'http://a:14268'}\n"),
        Arguments.of(
            "MeshTrace: zipkin without url",
            MESHTRACE_HEAD + "    backends:\n      - zipkin: {apiVersion: httpJson}\n"),
        Arguments.of(
            "MeshTrace: zipkin apiVersion not httpJson/httpProto",
            MESHTRACE_HEAD
                + "    backends:\n      - zipkin: {url: 'http://a:9411', apiVersion: grpc}\n"),
        Arguments.of(
            "MeshTrace: unknown field in spec.default", MESHTRACE_HEAD + "    samplingRate: 10\n"),
        Arguments.of(
            "MeshTrace: unknown field in spec",
            MESHTRACE_HEAD.replace("spec:\n", "spec:\n  from: []\n") + "    backends: []\n"),
        Arguments.of(
            "MeshTrace: sampling 'abc'", MESHTRACE_HEAD + "    sampling:\n      overall: abc\n"),
        Arguments.of(
            "MeshTrace: sampling 150", MESHTRACE_HEAD + "    sampling:\n      random: 150\n"),
        Arguments.of(
            "MeshTrace: sampling -1", MESHTRACE_HEAD + "    sampling:\n      client: -1\n"),
        Arguments.of(
            "MeshTrace: unknown sampling key",
            MESHTRACE_HEAD + "    sampling:\n      always: 10\n"),
        Arguments.of(
            "MeshTrace: tag with both literal and header",
            MESHTRACE_HEAD
                + "    tags:\n      - {name: team, literal: core, header: {name: x-team}}\n"),
        Arguments.of(
            "MeshTrace: targetRef kind unknown",
            MESHTRACE_HEAD.replace("kind: Mesh\n  default", "kind: Everything\n  default")
                + "    backends: []\n"),
        Arguments.of(
            "MeshTrace: no targetRef",
            """
            apiVersion: kuma.io/v1alpha1
            kind: MeshTrace
            metadata: {name: t, namespace: kuma-system}
            spec:
              default:
                backends: []
            """),
        Arguments.of(
            "MeshTrace: no spec",
            """
            apiVersion: kuma.io/v1alpha1
            kind: MeshTrace
            metadata: {name: t, namespace: kuma-system}
            """),
        Arguments.of(
            "TrafficTrace: no selectors",
            """
            apiVersion: kuma.io/v1alpha1
            kind: TrafficTrace
            mesh: default
            metadata: {name: t}
            spec:
              conf: {backend: zipkin}
            """),
        Arguments.of(
            "TrafficTrace: empty selectors",
            """
            apiVersion: kuma.io/v1alpha1
            kind: TrafficTrace
            mesh: default
            metadata: {name: t}
            spec:
              selectors: []
              conf: {backend: zipkin}
            """),
        Arguments.of(
            "TrafficTrace: selector tag value not a string",
            """
            apiVersion: kuma.io/v1alpha1
            kind: TrafficTrace
            mesh: default
            metadata: {name: t}
            spec:
              selectors:
                - match: {kuma.io/service: [a, b]}
              conf: {backend: zipkin}
            """),
        Arguments.of(
            "TrafficTrace: unknown top-level field",
            """
            apiVersion: kuma.io/v1alpha1
            kind: TrafficTrace
            mesh: default
            zone: east
            metadata: {name: t}
            spec:
              selectors:
                - match: {kuma.io/service: '*'}
            """),
        Arguments.of(
            "Mesh: backend of unknown type",
            """
            apiVersion: kuma.io/v1alpha1
            kind: Mesh
            metadata: {name: default}
            spec:
              tracing:
                backends:
                  - name: j
                    type: jaeger
                    conf: {url: 'http://j:14268'}
            """),
        Arguments.of(
            "Mesh: backend without a name",
            """
            apiVersion: kuma.io/v1alpha1
            kind: Mesh
            metadata: {name: default}
            spec:
              tracing:
                backends:
                  - type: zipkin
                    conf: {url: 'http://z:9411/api/v2/spans'}
            """),
        Arguments.of(
            "Mesh: backend with neither type nor zipkin",
            """
            apiVersion: kuma.io/v1alpha1
            kind: Mesh
            metadata: {name: default}
            spec:
              tracing:
                backends:
                  - name: z
                    conf: {url: 'http://z:9411/api/v2/spans'}
            """),
        Arguments.of(
            "Mesh: sampling over 100",
            """
            apiVersion: kuma.io/v1alpha1
            kind: Mesh
            metadata: {name: default}
            spec:
              tracing:
                backends:
                  - name: z
                    type: zipkin
                    sampling: 101
                    conf: {url: 'http://z:9411/api/v2/spans'}
            """),
        Arguments.of(
            "Mesh: unknown field in tracing",
            """
            apiVersion: kuma.io/v1alpha1
            kind: Mesh
            metadata: {name: default}
            spec:
              tracing:
                default: z
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidManifests")
  void invalidManifestsAreRejected(String name, String manifest) throws IOException {
    assertThat(validate(yaml(manifest))).as(name).isNotEmpty();
  }

  private static final String MESHTRACE_HEAD =
      """
      apiVersion: kuma.io/v1alpha1
      kind: MeshTrace
      metadata:
        name: t
        namespace: kuma-system
        labels: {kuma.io/mesh: default}
      spec:
        targetRef:
          kind: Mesh
        default:
      """;

  private static List<Error> validate(JsonNode manifest) {
    String kind = manifest.path("kind").asText();
    Schema schema = SCHEMAS.get(kind);
    assertThat(schema).as("a CRD for kind %s", kind).isNotNull();
    return schema.validate(manifest);
  }

  private static JsonNode yaml(String text) throws IOException {
    return YAML.readTree(text);
  }

  /** Kubernetes' strict field validation as JSON Schema; see the class comment. */
  private static void strictUnknownFields(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    JsonNode properties = object.get("properties");
    boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (properties != null && !preserve && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    if (properties != null) {
      properties.forEach(CrdSchemaTest::strictUnknownFields);
    }
    strictUnknownFields(object.get("items"));
    strictUnknownFields(object.get("additionalProperties"));
    for (String junctor : List.of("oneOf", "anyOf", "allOf")) {
      if (object.get(junctor) instanceof ArrayNode branches) {
        branches.forEach(CrdSchemaTest::strictUnknownFields);
      }
    }
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes/crds"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no deploy/kubernetes/crds above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
