package dev.meridian.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.policy.mesh.MeshSpec;
import dev.meridian.common.policy.mesh.Tracing;
import dev.meridian.common.policy.mesh.TracingBackend;
import dev.meridian.common.policy.meshtrace.MeshTraceConf;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Datadog;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Header;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Sampling;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Tag;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Zipkin;
import dev.meridian.common.policy.meshtrace.MeshTraceSpec;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every YAML example of the five seed pages (/work/shared/seeds), copied verbatim into {@code
 * src/test/resources/seeds/<seed>-<n>.yaml}, must read and validate. Seed 001 has no YAML; seed 004
 * is a rendered page whose examples were extracted by hand. Where a page is itself wrong the test
 * says so below.
 */
class SeedExamplesTest {
  /** Seed 003's Configuration snippets: bare {@code sampling:}, {@code tags:}, backends. */
  private static final Set<String> FRAGMENTS =
      Set.of("003-1.yaml", "003-2.yaml", "003-3.yaml", "003-4.yaml");

  /** Seed 003's east/west example writes {@code kuma.io/zome}, a typo for kuma.io/zone. */
  private static final Set<String> ZOME_TYPO =
      Set.of("003-13.yaml", "003-14.yaml", "003-15.yaml", "003-16.yaml");

  /**
   * Seed 003's Kubernetes examples write {@code namespace: {{site.default_namespace}}}, a Jekyll
   * template and not YAML; the copied files say {@code kuma-system} instead (noted in each file).
   */
  private static final Set<String> TEMPLATED_NAMESPACE =
      Set.of("003-5.yaml", "003-6.yaml", "003-9.yaml", "003-10.yaml", "003-15.yaml", "003-16.yaml");

  /** Seed 003's full examples write sampling as {@code overall: {value: 80}}. */
  private static final Set<String> SAMPLING_VALUE_FORM =
      Set.of("003-6.yaml", "003-8.yaml", "003-10.yaml", "003-12.yaml");

  @Test
  void everySeedExampleIsCopied() {
    // 000: 6, 002: 4, 003: 4 fragments + 12 resources, 004: 6 (001 has none).
    assertThat(files()).hasSize(32);
    assertThat(files()).allSatisfy(file -> assertThat(text(file)).startsWith("# seed 00"));
  }

  static Stream<String> resources() {
    return files().stream().filter(file -> !FRAGMENTS.contains(file));
  }

  @ParameterizedTest
  @MethodSource("resources")
  void readsAndValidates(String file) {
    ParsedResource parsed = readOne(text(file));

    ValidationResult result = parsed.validate(contextOfPage(file));

    assertThat(result.errors()).isEmpty();
    if (ZOME_TYPO.contains(file)) {
      // Valid, but the page's policy selects nothing: exactly one near-miss warning per policy.
      assertThat(result.warnings())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.field()).isEqualTo("spec.targetRef.tags[\"kuma.io/zome\"]");
                assertThat(w.message()).contains("did you mean \"kuma.io/zone\"?");
              });
    } else {
      assertThat(result.warnings()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("templatedNamespaces")
  void jekyllTemplateNamespaceIsNotYamlSoTheCopySaysKumaSystem(String file) {
    ParsedResource copied = readOne(text(file));
    assertThat(copied.resource().label(Labels.K8S_NAMESPACE)).isEqualTo("kuma-system");

    // As printed on the page the namespace is a YAML flow mapping, not a string: rejected.
    String asPrinted = text(file).replace("kuma-system", "{{site.default_namespace}}");
    assertThat(ResourceReader.read(asPrinted))
        .singleElement()
        .satisfies(p -> assertThat(p.readErrors()).isNotEmpty());
  }

  static Stream<String> templatedNamespaces() {
    return TEMPLATED_NAMESPACE.stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("samplingValueForms")
  void samplingWrittenAsValueObjectIsReadAsTheNumber(String file) {
    // No Kuma release accepts `overall: {value: 80}`; Meridian reads it as `overall: 80`.
    Sampling sampling = conf(readOne(text(file)).resource()).sampling();

    assertThat(sampling.overall().value()).isEqualTo(80.0);
    assertThat(sampling.random().value()).isEqualTo(60.0);
    assertThat(sampling.client().value()).isEqualTo(40.0);
  }

  static Stream<String> samplingValueForms() {
    return SAMPLING_VALUE_FORM.stream().sorted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"002-1.yaml", "002-2.yaml"})
  void oldestBackendFormIsAZipkinBackend(String file) {
    Tracing tracing = readOne(text(file)).resource().spec(MeshSpec.class).tracing();

    assertThat(tracing.defaultBackend()).isEqualTo("my-zipkin");
    assertThat(tracing.backends())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.name()).isEqualTo("my-zipkin");
              assertThat(b.type()).isEqualTo(TracingBackend.ZIPKIN);
              assertThat(b.sampling()).isEqualTo(100.0);
              assertThat(b.zipkin())
                  .isEqualTo(
                      new TracingBackend.ZipkinConf(
                          "http://zipkin.local:9411/api/v1/spans", null, null, null));
              assertThat(b.datadog()).isNull();
            });
  }

  // The Configuration section's snippets are not resources: each is embedded into a minimal
  // MeshTrace (under spec.default, or as its single backend) to be read and validated.

  @Test
  void samplingFragmentInAMeshTrace() {
    MeshTraceConf conf = embedInDefault("003-1.yaml");

    assertThat(conf.sampling().overall().value()).isEqualTo(80.0);
    assertThat(conf.sampling().random().value()).isEqualTo(60.0);
    assertThat(conf.sampling().client().value()).isEqualTo(40.0);
  }

  @Test
  void tagsFragmentInAMeshTrace() {
    assertThat(embedInDefault("003-2.yaml").tags())
        .containsExactly(
            new Tag("team", "core", null),
            new Tag("env", null, new Header("x-env", "prod")),
            new Tag("version", null, new Header("x-version", null)));
  }

  @Test
  void datadogFragmentInAMeshTrace() {
    assertThat(embedAsBackend("003-3.yaml").datadog())
        .isEqualTo(new Datadog("http://my-agent:8080", true));
  }

  @Test
  void zipkinFragmentInAMeshTrace() {
    assertThat(embedAsBackend("003-4.yaml").zipkin())
        .isEqualTo(
            new Zipkin("http://jaeger-collector:9411/api/v2/spans", false, "httpJson", false));
  }

  private static MeshTraceConf embedInDefault(String fragment) {
    String yaml = MINIMAL_MESH_TRACE + "    backends: []\n" + indent(body(fragment), "    ");
    return validConf(yaml);
  }

  private static MeshTraceConf.Backend embedAsBackend(String fragment) {
    String item = indent(body(fragment), "        ").replaceFirst(" {8}", "      - ");
    return validConf(MINIMAL_MESH_TRACE + "    backends:\n" + item).backend();
  }

  private static final String MINIMAL_MESH_TRACE =
      "type: MeshTrace\nname: fragment\nmesh: default\nspec:\n  default:\n";

  private static MeshTraceConf validConf(String yaml) {
    ParsedResource parsed = readOne(yaml);
    assertThat(parsed.validate(ValidationContext.EMPTY))
        .isEqualTo(new ValidationResult(List.of(), List.of()));
    return conf(parsed.resource());
  }

  private static ParsedResource readOne(String yaml) {
    List<ParsedResource> parsed = ResourceReader.read(yaml);
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).readErrors()).as("read errors").isEqualTo(List.<Violation>of());
    return parsed.get(0);
  }

  private static MeshTraceConf conf(Resource meshTrace) {
    return meshTrace.spec(MeshTraceSpec.class).defaultConf();
  }

  /**
   * A TrafficTrace is validated against the Mesh of its own page ({@code <seed>-1.yaml}, which
   * defines the backend it names), so that a backend the page forgot would show as a warning.
   */
  private static ValidationContext contextOfPage(String file) {
    String first = file.substring(0, 3) + "-1.yaml";
    if (FRAGMENTS.contains(first)) {
      return ValidationContext.EMPTY;
    }
    Resource mesh = readOne(text(first)).resource();
    return (type, meshName, name) ->
        type.equals(mesh.type().name()) && name.equals(mesh.name())
            ? Optional.of(mesh)
            : Optional.empty();
  }

  private static String body(String fragment) {
    return text(fragment)
        .lines()
        .filter(line -> !line.startsWith("#"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String indent(String text, String prefix) {
    return text.lines().map(line -> prefix + line).collect(Collectors.joining("\n", "", "\n"));
  }

  private static List<String> files() {
    try (Stream<Path> paths = Files.list(seeds())) {
      return paths.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String file) {
    try {
      return Files.readString(seeds().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path seeds() {
    try {
      return Path.of(SeedExamplesTest.class.getResource("/seeds").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
