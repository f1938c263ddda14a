package dev.meridian.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Warnings inform without rejecting: near-miss tag keys and TrafficTrace backends. */
class ValidationWarningsTest {

  @Test
  void nearMissKeyInMeshSubsetTags() {
    assertThat(warnings(meshTrace("kind: MeshSubset, tags: {kuma.io/servce: web}")))
        .containsExactly(nearMiss("spec.targetRef.tags", "kuma.io/servce", "kuma.io/service"));
  }

  @Test
  void nearMissKeyInMeshServiceSubsetTags() {
    assertThat(
            warnings(
                meshTrace("kind: MeshServiceSubset, name: web, tags: {kuma.io/protocl: http}")))
        .containsExactly(nearMiss("spec.targetRef.tags", "kuma.io/protocl", "kuma.io/protocol"));
  }

  @Test
  void nearMissKeyInTrafficTraceSelector() {
    String yaml = trafficTrace("{kuma.io/service: web, kuma.io/zome: east}", "");

    assertThat(warnings(yaml))
        .containsExactly(nearMiss("selectors[0].match", "kuma.io/zome", "kuma.io/zone"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kuma.io/service",
        "kuma.io/zone",
        "kuma.io/protocol",
        "app",
        "service",
        "version"
      })
  void noWarningForCorrectOrUnrelatedKeys(String key) {
    assertThat(warnings(meshTrace("kind: MeshSubset, tags: {'" + key + "': x}"))).isEmpty();
    assertThat(warnings(trafficTrace("{'" + key + "': x}", ""))).isEmpty();
  }

  @Test
  void trafficTraceNamingABackendTheMeshLacks() {
    ValidationContext context = meshWith("{backends: [" + ZIPKIN + "]}");

    assertThat(warnings(trafficTrace("{kuma.io/service: '*'}", "conf: {backend: jaeger}"), context))
        .containsExactly(
            new Violation(
                "conf.backend",
                "backend \"jaeger\" is not defined in mesh \"default\": this policy produces no"
                    + " tracing until it is"));
  }

  @Test
  void trafficTraceWithoutBackendWhereTheMeshHasNoDefault() {
    String yaml = trafficTrace("{kuma.io/service: '*'}", "");
    Violation expected =
        new Violation(
            "conf.backend",
            "no backend named and mesh \"default\" has no tracing.defaultBackend: this policy"
                + " produces no tracing");

    assertThat(warnings(yaml, meshWith("{backends: [" + ZIPKIN + "]}"))).containsExactly(expected);
    assertThat(warnings(yaml, meshWith(null))).containsExactly(expected);
  }

  @Test
  void noBackendWarningWhenTheMeshResolvesIt() {
    ValidationContext context = meshWith("{defaultBackend: zipkin, backends: [" + ZIPKIN + "]}");

    assertThat(warnings(trafficTrace("{kuma.io/service: '*'}", ""), context)).isEmpty();
    assertThat(warnings(trafficTrace("{kuma.io/service: '*'}", "conf: {backend: zipkin}"), context))
        .isEmpty();
  }

  @Test
  void noBackendWarningWhenTheMeshIsUnknown() {
    assertThat(warnings(trafficTrace("{kuma.io/service: '*'}", "conf: {backend: jaeger}")))
        .isEmpty();
  }

  private static final String ZIPKIN =
      "{name: zipkin, type: zipkin, conf: {url: 'http://zipkin:9411/api/v2/spans'}}";

  private static Violation nearMiss(String path, String key, String known) {
    return new Violation(
        path + "[\"" + key + "\"]",
        "tag key \""
            + key
            + "\" is not a well-known key; did you mean \""
            + known
            + "\"? As written it selects only dataplanes that carry this exact tag");
  }

  /** A context holding only Mesh {@code default}, with this tracing (none when null). */
  private static ValidationContext meshWith(String tracing) {
    Resource mesh =
        read("type: Mesh\nname: default\n" + (tracing == null ? "" : "tracing: " + tracing));
    return (type, meshName, name) ->
        type.equals("Mesh") && meshName.isEmpty() && name.equals("default")
            ? Optional.of(mesh)
            : Optional.empty();
  }

  private static String meshTrace(String targetRef) {
    return "type: MeshTrace\nname: t\nspec: {targetRef: {"
        + targetRef
        + "}, default: {backends: []}}";
  }

  private static String trafficTrace(String match, String conf) {
    return "type: TrafficTrace\nname: t\nselectors: [{match: " + match + "}]\n" + conf;
  }

  private static List<Violation> warnings(String yaml) {
    return warnings(yaml, ValidationContext.EMPTY);
  }

  private static List<Violation> warnings(String yaml, ValidationContext context) {
    ValidationResult result = ResourceReader.read(yaml).get(0).validate(context);
    assertThat(result.errors()).isEmpty();
    return result.warnings();
  }

  private static Resource read(String yaml) {
    ParsedResource parsed = ResourceReader.read(yaml).get(0);
    assertThat(parsed.readErrors()).isEmpty();
    return parsed.resource();
  }
}
