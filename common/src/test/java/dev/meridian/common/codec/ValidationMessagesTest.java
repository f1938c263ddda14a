package dev.meridian.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per validation message: Kuma's messages for Mesh tracing, TrafficTrace and MeshTrace
 * (kuma-reference.md), plus Meridian's own Dataplane rules. Each row asserts the complete list of
 * errors. Mesh paths say {@code conf.} where Kuma says {@code config.}: paths name what the user
 * wrote, messages stay Kuma's.
 */
class ValidationMessagesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"meshTrace", "meshTraceTargetRef", "mesh", "trafficTrace", "dataplane"})
  void reportsExactlyTheseErrors(String description, String yaml, List<String> expected) {
    assertThat(errors(yaml)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> meshTrace() {
    return Stream.of(
        row(
            "no default",
            "type: MeshTrace\nname: t\nspec: {}",
            "spec.default.backends: must be defined"),
        row(
            "two backends",
            meshTrace(
                "backends: [{zipkin: {url: 'http://a:9411'}}, {zipkin: {url: 'http://b:9411'}}]"),
            "spec.default.backends: must have zero or one backend defined"),
        row(
            "backend of no type",
            meshTrace("backends: [{}]"),
            "spec.default.backends[0]: backend must have exactly one type defined: zipkin, datadog,"
                + " openTelemetry"),
        row(
            "zipkin url empty",
            meshTrace("backends: [{zipkin: {url: ''}}]"),
            "spec.default.backends[0].zipkin.url: must not be empty"),
        row(
            "zipkin url invalid",
            meshTrace("backends: [{zipkin: {url: 'not a url'}}]"),
            "spec.default.backends[0].zipkin.url: must be a valid url"),
        row(
            "zipkin apiVersion",
            meshTrace("backends: [{zipkin: {url: 'http://z:9411', apiVersion: grpc}}]"),
            "spec.default.backends[0].zipkin.apiVersion: must be one of: httpJson, httpProto"),
        row(
            "datadog url invalid",
            meshTrace("backends: [{datadog: {url: 'not a url'}}]"),
            "spec.default.backends[0].datadog.url: must be a valid url"),
        row(
            "datadog scheme",
            meshTrace("backends: [{datadog: {url: 'https://agent:8126'}}]"),
            "spec.default.backends[0].datadog.url: scheme must be http"),
        row(
            "datadog port missing",
            meshTrace("backends: [{datadog: {url: 'http://agent'}}]"),
            "spec.default.backends[0].datadog.url: port must be defined"),
        row(
            "datadog port zero",
            meshTrace("backends: [{datadog: {url: 'http://agent:0'}}]"),
            "spec.default.backends[0].datadog.url: port must be a valid (1-65535)"),
        row(
            "datadog port too large",
            meshTrace("backends: [{datadog: {url: 'http://agent:70000'}}]"),
            "spec.default.backends[0].datadog.url: port must be a valid (1-65535)"),
        row(
            "datadog path",
            meshTrace("backends: [{datadog: {url: 'http://agent:8126/v1'}}]"),
            "spec.default.backends[0].datadog.url: path must not be defined"),
        row(
            "datadog user",
            meshTrace("backends: [{datadog: {url: 'http://me@agent:8126'}}]"),
            "spec.default.backends[0].datadog.url: user must not be defined"),
        row(
            "datadog query",
            meshTrace("backends: [{datadog: {url: 'http://agent:8126?a=b'}}]"),
            "spec.default.backends[0].datadog.url: query must not be defined"),
        row(
            "datadog fragment",
            meshTrace("backends: [{datadog: {url: 'http://agent:8126#f'}}]"),
            "spec.default.backends[0].datadog.url: fragment must not be defined"),
        row(
            "datadog opaque",
            meshTrace("backends: [{datadog: {url: 'http:agent:8126'}}]"),
            "spec.default.backends[0].datadog.url: port must be defined",
            "spec.default.backends[0].datadog.url: opaque must not be defined"),
        row(
            "openTelemetry endpoint is a URL",
            meshTrace("backends: [{openTelemetry: {endpoint: 'http://collector:4317'}}]"),
            "spec.default.backends[0].openTelemetry.endpoint: must be in host:port format, not a"
                + " URL"),
        row(
            "openTelemetry endpoint empty",
            meshTrace("backends: [{openTelemetry: {endpoint: ''}}]"),
            "spec.default.backends[0].openTelemetry.endpoint: must not be empty"),
        row(
            "tag name empty",
            meshTrace("backends: [], tags: [{name: '', literal: x}]"),
            "spec.default.tags[0].name: must not be empty"),
        row(
            "tag of two types",
            meshTrace("backends: [], tags: [{name: a, literal: x, header: {name: x-a}}]"),
            "spec.default.tags[0]: tag must have only one type defined: header, literal"),
        row(
            "tag of no type",
            meshTrace("backends: [], tags: [{name: a}]"),
            "spec.default.tags[0]: tag must have only one type defined: header, literal"),
        row(
            "tag header name empty",
            meshTrace("backends: [], tags: [{name: a, header: {name: ''}}]"),
            "spec.default.tags[0].header.name: must not be empty"),
        row(
            "sampling not a number",
            meshTrace("backends: [], sampling: {overall: 'ten'}"),
            "spec.default.sampling.overall: string is not a number"),
        row(
            "sampling above 100",
            meshTrace("backends: [], sampling: {client: 101}"),
            "spec.default.sampling.client: must be between 0 and 100"),
        row(
            "sampling below 0 in a string",
            meshTrace("backends: [], sampling: {random: '-0.5'}"),
            "spec.default.sampling.random: must be between 0 and 100"));
  }

  static Stream<Arguments> meshTraceTargetRef() {
    return Stream.of(
        row("kind missing", targetRef("name: web"), "spec.targetRef.kind: must be defined"),
        row(
            "kind not supported",
            targetRef("kind: MeshHTTPRoute"),
            "spec.targetRef.kind: value 'MeshHTTPRoute' is not supported"),
        row(
            "Mesh with name",
            targetRef("kind: Mesh, name: default"),
            "spec.targetRef.name: using name with kind Mesh is not yet supported"),
        row(
            "Mesh with tags",
            targetRef("kind: Mesh, tags: {app: web}"),
            "spec.targetRef.tags: must not be set with kind Mesh"),
        row(
            "MeshSubset with name",
            targetRef("kind: MeshSubset, name: web, tags: {app: web}"),
            "spec.targetRef.name: must not be set with kind MeshSubset"),
        row(
            "MeshService with tags",
            targetRef("kind: MeshService, name: web, tags: {app: web}"),
            "spec.targetRef.tags: must not be set with kind MeshService"),
        row(
            "MeshService without name",
            targetRef("kind: MeshService"),
            "spec.targetRef.name: must be set with kind MeshService"),
        row(
            "MeshServiceSubset without name",
            targetRef("kind: MeshServiceSubset, tags: {version: v1}"),
            "spec.targetRef.name: must be set with kind MeshServiceSubset"),
        row(
            "MeshSubset tag value empty",
            targetRef("kind: MeshSubset, tags: {app: ''}"),
            "spec.targetRef.tags[\"app\"]: tag value must be non-empty"),
        row(
            "MeshSubset tag name empty",
            targetRef("kind: MeshSubset, tags: {'': web}"),
            "spec.targetRef.tags: tag name must be non-empty"));
  }

  static Stream<Arguments> mesh() {
    String zipkin = "type: zipkin, conf: {url: 'http://z:9411/api/v2/spans'}";
    return Stream.of(
        row(
            "backend name empty",
            mesh("backends: [{name: '', " + zipkin + "}]"),
            "tracing.backends[0].name: cannot be empty"),
        row(
            "backend name twice",
            mesh("backends: [{name: z, " + zipkin + "}, {name: z, " + zipkin + "}]"),
            "tracing.backends[1].name: \"z\" name is already used for another backend"),
        row(
            "sampling above 100",
            mesh("backends: [{name: z, sampling: 100.5, " + zipkin + "}]"),
            "tracing.backends[0].sampling: has to be in [0.0 - 100.0] range"),
        row(
            "sampling below 0",
            mesh("backends: [{name: z, sampling: -1, " + zipkin + "}]"),
            "tracing.backends[0].sampling: has to be in [0.0 - 100.0] range"),
        row(
            "unknown type",
            mesh("backends: [{name: j, type: jaeger, conf: {url: 'http://j:9411'}}]"),
            "tracing.backends[0].type: unknown backend type. Available backends: \"zipkin\","
                + " \"datadog\""),
        row(
            "zipkin url empty",
            mesh("backends: [{name: z, type: zipkin, conf: {url: ''}}]"),
            "tracing.backends[0].conf.url: cannot be empty"),
        row(
            "zipkin url invalid",
            mesh("backends: [{name: z, type: zipkin, conf: {url: 'not a url'}}]"),
            "tracing.backends[0].conf.url: invalid URL"),
        row(
            "zipkin url without port",
            mesh("backends: [{name: z, type: zipkin, conf: {url: 'http://z/api/v2/spans'}}]"),
            "tracing.backends[0].conf.url: port has to be explicitly specified"),
        row(
            "zipkin apiVersion",
            mesh(
                "backends: [{name: z, type: zipkin, conf: {url: 'http://z:9411', apiVersion: v3}}]"),
            "tracing.backends[0].conf.apiVersion: has invalid value. Allowed values: httpJsonV1,"
                + " httpJson, httpProto"),
        row(
            "oldest zipkin form, url empty",
            mesh("backends: [{name: z, zipkin: {url: ''}}]"),
            "tracing.backends[0].zipkin.url: cannot be empty"),
        row(
            "datadog address empty",
            mesh("backends: [{name: d, type: datadog, conf: {address: '', port: 8126}}]"),
            "tracing.backends[0].conf.address: cannot be empty"),
        row(
            "datadog port out of range",
            mesh("backends: [{name: d, type: datadog, conf: {address: agent, port: 0}}]"),
            "tracing.backends[0].conf.port: port must be in the range [1, 65535]"),
        row(
            "defaultBackend unknown",
            mesh("defaultBackend: other, backends: [{name: z, " + zipkin + "}]"),
            "tracing.defaultBackend: has to be set to one of the tracing backend in mesh"));
  }

  static Stream<Arguments> trafficTrace() {
    return Stream.of(
        row(
            "no selectors",
            trafficTrace("conf: {backend: z}"),
            "selectors: must have at least one element"),
        row(
            "empty selectors",
            trafficTrace("selectors: []"),
            "selectors: must have at least one element"),
        row(
            "match without tags",
            trafficTrace("selectors: [{match: {}}]"),
            "selectors[0].match: must have at least one tag"),
        row(
            "tag value empty",
            trafficTrace("selectors: [{match: {kuma.io/service: ''}}]"),
            "selectors[0].match[\"kuma.io/service\"]: tag value must be non-empty"),
        row(
            "tag name empty",
            trafficTrace("selectors: [{match: {'': web}}]"),
            "selectors[0].match: tag name must be non-empty"));
  }

  static Stream<Arguments> dataplane() {
    return Stream.of(
        row(
            "no networking",
            "type: Dataplane\nname: dp\nmesh: default",
            "networking: must be defined"),
        row(
            "no address",
            dataplane("inbound: [{port: 80, tags: {kuma.io/service: web}}]"),
            "networking.address: must be defined"),
        row(
            "no inbound",
            dataplane("address: 10.0.0.1"),
            "networking.inbound: must have at least one element"),
        row(
            "inbound port missing",
            dataplane("address: 10.0.0.1, inbound: [{tags: {kuma.io/service: web}}]"),
            "networking.inbound[0].port: must be defined"),
        row(
            "inbound port out of range",
            dataplane("address: 10.0.0.1, inbound: [{port: 0, tags: {kuma.io/service: web}}]"),
            "networking.inbound[0].port: port must be in the range [1, 65535]"),
        row(
            "servicePort out of range",
            dataplane(
                "address: 10.0.0.1, inbound: [{port: 80, servicePort: 70000, tags:"
                    + " {kuma.io/service: web}}]"),
            "networking.inbound[0].servicePort: port must be in the range [1, 65535]"),
        row(
            "inbound port used twice",
            dataplane(
                "address: 10.0.0.1, inbound: [{port: 80, tags: {kuma.io/service: web}}, {port:"
                    + " 80, tags: {kuma.io/service: api}}]"),
            "networking.inbound[1].port: port 80 is already used by another entry of this list"),
        row(
            "inbound without service tag",
            dataplane("address: 10.0.0.1, inbound: [{port: 80, tags: {app: web}}]"),
            "networking.inbound[0].tags[\"kuma.io/service\"]: tag has to exist"),
        row(
            "inbound service tag empty",
            dataplane("address: 10.0.0.1, inbound: [{port: 80, tags: {kuma.io/service: ''}}]"),
            "networking.inbound[0].tags[\"kuma.io/service\"]: tag value cannot be empty"),
        row(
            "inbound tag value empty",
            dataplane(
                "address: 10.0.0.1, inbound: [{port: 80, tags: {kuma.io/service: web, version:"
                    + " ''}}]"),
            "networking.inbound[0].tags[\"version\"]: tag value cannot be empty"),
        row(
            "outbound port used twice, outbound without service",
            dataplane(
                "address: 10.0.0.1, inbound: [{port: 80, tags: {kuma.io/service: web}}],"
                    + " outbound: [{port: 10001, tags: {kuma.io/service: db}}, {port: 10001,"
                    + " tags: {}}]"),
            "networking.outbound[1].port: port 10001 is already used by another entry of this"
                + " list",
            "networking.outbound[1].tags[\"kuma.io/service\"]: tag has to exist"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void reportsEveryViolationAtOnce(String description, String yaml, List<String> expected) {
    assertThat(errors(yaml)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> reportsEveryViolationAtOnce() {
    return Stream.of(
        row(
            "MeshTrace",
            """
            type: MeshTrace
            name: many
            spec:
              targetRef: {kind: Mesh, name: default}
              default:
                backends: [{datadog: {url: 'https://me@agent/v1?a=b#f'}}]
                tags: [{name: '', literal: x, header: {name: x-a}}]
                sampling: {overall: ten, random: 200}
            """,
            "spec.targetRef.name: using name with kind Mesh is not yet supported",
            "spec.default.backends[0].datadog.url: scheme must be http",
            "spec.default.backends[0].datadog.url: port must be defined",
            "spec.default.backends[0].datadog.url: path must not be defined",
            "spec.default.backends[0].datadog.url: user must not be defined",
            "spec.default.backends[0].datadog.url: query must not be defined",
            "spec.default.backends[0].datadog.url: fragment must not be defined",
            "spec.default.tags[0].name: must not be empty",
            "spec.default.tags[0]: tag must have only one type defined: header, literal",
            "spec.default.sampling.overall: string is not a number",
            "spec.default.sampling.random: must be between 0 and 100"),
        row(
            "Mesh",
            mesh(
                "defaultBackend: nope, backends: [{name: '', sampling: 101, type: zipkin, conf:"
                    + " {url: 'http://z/spans', apiVersion: v3}}, {name: d, type: datadog, conf:"
                    + " {address: '', port: 0}}]"),
            "tracing.backends[0].name: cannot be empty",
            "tracing.backends[0].sampling: has to be in [0.0 - 100.0] range",
            "tracing.backends[0].conf.url: port has to be explicitly specified",
            "tracing.backends[0].conf.apiVersion: has invalid value. Allowed values: httpJsonV1,"
                + " httpJson, httpProto",
            "tracing.backends[1].conf.address: cannot be empty",
            "tracing.backends[1].conf.port: port must be in the range [1, 65535]",
            "tracing.defaultBackend: has to be set to one of the tracing backend in mesh"),
        row(
            "TrafficTrace",
            trafficTrace("selectors: [{match: {}}, {match: {'': web, app: ''}}]"),
            "selectors[0].match: must have at least one tag",
            "selectors[1].match: tag name must be non-empty",
            "selectors[1].match[\"app\"]: tag value must be non-empty"));
  }

  private static List<String> errors(String yaml) {
    List<ParsedResource> parsed = ResourceReader.read(yaml);
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).readErrors()).isEmpty();
    return parsed.get(0).validate(ValidationContext.EMPTY).errors().stream()
        .map(Violation::toString)
        .toList();
  }

  private static Arguments row(String description, String yaml, String... expected) {
    return arguments(description, yaml, List.of(expected));
  }

  private static String meshTrace(String defaultConf) {
    return "type: MeshTrace\nname: t\nmesh: default\nspec: {default: {" + defaultConf + "}}";
  }

  private static String targetRef(String targetRef) {
    return "type: MeshTrace\nname: t\nspec: {targetRef: {"
        + targetRef
        + "}, default: {backends: []}}";
  }

  private static String mesh(String tracing) {
    return "type: Mesh\nname: m\ntracing: {" + tracing + "}";
  }

  private static String trafficTrace(String body) {
    return "type: TrafficTrace\nname: t\nmesh: default\n" + body;
  }

  private static String dataplane(String networking) {
    return "type: Dataplane\nname: dp\nmesh: default\nnetworking: {" + networking + "}";
  }
}
