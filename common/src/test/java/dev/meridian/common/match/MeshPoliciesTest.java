package dev.meridian.common.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.DataplaneRules.Source;
import dev.meridian.common.policy.mesh.MeshSpec;
import dev.meridian.common.policy.meshtrace.MeshTraceConf;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Header;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Tag;
import dev.meridian.common.resource.Resource;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeshPoliciesTest {
  private static final Resource MESH =
      read(
          """
          type: Mesh
          name: default
          tracing:
            defaultBackend: zipkin
            backends:
            - {name: zipkin, type: zipkin, conf: {url: 'http://zipkin:9411/api/v2/spans'}}
            - {name: datadog, type: datadog, conf: {address: agent, port: 8126}}
          """);

  private static final Resource WEB_V1 = dataplane("web-1", "{kuma.io/service: web, version: v1}");

  static Stream<Arguments> targetRefs() {
    return Stream.of(
        arguments("{kind: Mesh}", "{kuma.io/service: api}", true),
        arguments(
            "{kind: MeshSubset, tags: {version: v1}}", "{kuma.io/service: web, version: v1}", true),
        arguments(
            "{kind: MeshSubset, tags: {version: v1}}",
            "{kuma.io/service: web, version: v2}",
            false),
        arguments("{kind: MeshSubset, tags: {version: v1}}", "{kuma.io/service: web}", false),
        arguments("{kind: MeshService, name: web}", "{kuma.io/service: web}", true),
        arguments("{kind: MeshService, name: web}", "{kuma.io/service: api}", false),
        arguments(
            "{kind: MeshServiceSubset, name: web, tags: {version: v1}}",
            "{kuma.io/service: web, version: v1}",
            true),
        arguments(
            "{kind: MeshServiceSubset, name: web, tags: {version: v1}}",
            "{kuma.io/service: web, version: v2}",
            false),
        arguments(
            "{kind: MeshServiceSubset, name: web, tags: {version: v1}}",
            "{kuma.io/service: api, version: v1}",
            false));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @MethodSource("targetRefs")
  void targetRefSelects(String targetRef, String inboundTags, boolean selected) {
    Resource policy = meshTrace("p", targetRef, ZIPKIN);

    DataplaneRules rules = rules(List.of(policy), dataplane("dp", inboundTags), null);

    assertThat(rules.meshTraces())
        .extracting(AppliedPolicy::name)
        .isEqualTo(selected ? List.of("p") : List.of());
    assertThat(rules.tracingSource()).isEqualTo(selected ? Source.MESH_TRACE : Source.NONE);
  }

  @Test
  void anyInboundMaySelect() {
    Resource dp =
        read(
            """
            type: Dataplane
            name: two
            networking:
              address: 10.0.0.1
              inbound:
              - {port: 80, tags: {kuma.io/service: web}}
              - {port: 81, tags: {kuma.io/service: admin}}
            """);

    assertThat(
            rules(List.of(meshTrace("p", "{kind: MeshService, name: admin}", ZIPKIN)), dp, null)
                .meshTraces())
        .extracting(AppliedPolicy::name)
        .containsExactly("p");
  }

  @Test
  void gatewayTargetsAreSkippedForSidecars() {
    DataplaneRules rules =
        rules(
            List.of(
                meshTrace("gw", "{kind: MeshGateway, name: edge}", ZIPKIN),
                meshTrace("route", "{kind: MeshGatewayRoute, name: r}", ZIPKIN)),
            WEB_V1,
            null);

    assertThat(rules.meshTraces()).isEmpty();
    assertThat(rules.meshTraceConf()).isNull();
    assertThat(rules.skipped())
        .containsExactly(
            new SkippedPolicy(
                "MeshTrace", "gw", "targetRef kind MeshGateway is not supported for sidecars"),
            new SkippedPolicy(
                "MeshTrace",
                "route",
                "targetRef kind MeshGatewayRoute is not supported for sidecars"));
  }

  @Test
  void orderIsKindThenOriginThenNameDescending() {
    List<Resource> policies =
        List.of(
            meshTrace("m-sss", "{kind: MeshServiceSubset, name: web, tags: {version: v1}}", ZIPKIN),
            meshTrace("m-service", "{kind: MeshService, name: web}", ZIPKIN),
            zoneOrigin(meshTrace("m-zonal", "{kind: Mesh}", ZIPKIN), "east"),
            meshTrace("m-subset", "{kind: MeshSubset, tags: {version: v1}}", ZIPKIN),
            meshTrace("a", "{kind: Mesh}", ZIPKIN),
            meshTrace("b", "{kind: Mesh}", ZIPKIN),
            meshTrace("untargeted", null, ZIPKIN));

    DataplaneRules rules = rules(policies, WEB_V1, "east");

    assertThat(rules.meshTraces())
        .containsExactly(
            new AppliedPolicy("MeshTrace", "untargeted", "Mesh", "global"),
            new AppliedPolicy("MeshTrace", "b", "Mesh", "global"),
            new AppliedPolicy("MeshTrace", "a", "Mesh", "global"),
            new AppliedPolicy("MeshTrace", "m-zonal", "Mesh", "zone"),
            new AppliedPolicy("MeshTrace", "m-subset", "MeshSubset", "global"),
            new AppliedPolicy("MeshTrace", "m-service", "MeshService", "global"),
            new AppliedPolicy("MeshTrace", "m-sss", "MeshServiceSubset", "global"));
  }

  @Test
  void smallestNameIsAppliedLastAndWins() {
    List<Resource> policies =
        List.of(
            meshTrace("a", "{kind: Mesh}", "backends: [], sampling: {overall: 1}"),
            meshTrace("b", "{kind: Mesh}", "backends: [], sampling: {overall: 2}"));

    assertThat(rules(policies, WEB_V1, null).meshTraceConf().sampling().overall().value())
        .isEqualTo(1.0);
  }

  @Test
  void mergeFoldsObjectsKeyByKeyAndReplacesLists() {
    List<Resource> policies =
        List.of(
            meshTrace(
                "mesh-wide",
                "{kind: Mesh}",
                ZIPKIN + ", sampling: {overall: 10}, tags: [{name: team, literal: core}]"),
            meshTrace(
                "web",
                "{kind: MeshService, name: web}",
                "sampling: {random: 50}, tags: [{name: env, header: {name: x-env}}]"));

    MeshTraceConf conf = rules(policies, WEB_V1, null).meshTraceConf();

    assertThat(conf.backend().zipkin().url()).isEqualTo("http://zipkin:9411/api/v2/spans");
    assertThat(conf.backends()).hasSize(1);
    assertThat(conf.sampling().overall().value()).isEqualTo(10.0);
    assertThat(conf.sampling().random().value()).isEqualTo(50.0);
    assertThat(conf.sampling().client()).isNull();
    assertThat(conf.tags()).containsExactly(new Tag("env", null, new Header("x-env", null)));
  }

  @Test
  void backendsListIsReplacedNotAppended() {
    List<Resource> policies =
        List.of(
            meshTrace("mesh-wide", "{kind: Mesh}", ZIPKIN),
            meshTrace(
                "web",
                "{kind: MeshService, name: web}",
                "backends: [{datadog: {url: 'http://agent:8126'}}]"));

    MeshTraceConf conf = rules(policies, WEB_V1, null).meshTraceConf();

    assertThat(conf.backends()).singleElement().satisfies(b -> assertThat(b.zipkin()).isNull());
    assertThat(conf.backend().datadog().url()).isEqualTo("http://agent:8126");
  }

  @Test
  void explicitEmptyBackendsTurnTracingOffEvenWithATrafficTrace() {
    List<Resource> policies =
        List.of(
            meshTrace("mesh-wide", "{kind: Mesh}", ZIPKIN),
            meshTrace("web-off", "{kind: MeshService, name: web}", "backends: []"),
            trafficTrace("all", "{kuma.io/service: '*'}", ""));

    DataplaneRules rules = rules(policies, WEB_V1, null);

    assertThat(rules.meshTraceConf().backends()).isEmpty();
    assertThat(rules.trafficTrace().backendName()).isEqualTo("zipkin");
    assertThat(rules.tracingSource()).isEqualTo(Source.NONE);
  }

  @Test
  void zoneOriginPolicyAppliesOnlyInItsZoneAndWinsOverGlobal() {
    List<Resource> policies =
        List.of(
            meshTrace(
                "a-global", "{kind: MeshService, name: web}", ZIPKIN + ", sampling: {overall: 10}"),
            zoneOrigin(
                meshTrace("z-east", "{kind: MeshService, name: web}", "sampling: {overall: 20}"),
                "east"));

    DataplaneRules east = rules(policies, WEB_V1, "east");
    DataplaneRules west = rules(policies, WEB_V1, "west");

    assertThat(east.meshTraces())
        .extracting(AppliedPolicy::name)
        .containsExactly("a-global", "z-east");
    assertThat(east.meshTraceConf().sampling().overall().value()).isEqualTo(20.0);
    assertThat(west.meshTraces()).extracting(AppliedPolicy::name).containsExactly("a-global");
    assertThat(west.meshTraceConf().sampling().overall().value()).isEqualTo(10.0);
  }

  @Test
  void meshSubsetOnZoneTagSelectsDataplanesOfThatZone() {
    Resource policy =
        meshTrace("east-only", "{kind: MeshSubset, tags: {kuma.io/zone: east}}", ZIPKIN);
    Resource dp = dataplane("web-1", "{kuma.io/service: web}");

    assertThat(rules(List.of(policy), Dataplanes.inZone(dp, "east"), "east").meshTraces())
        .extracting(AppliedPolicy::name)
        .containsExactly("east-only");
    assertThat(rules(List.of(policy), Dataplanes.inZone(dp, "west"), "west").meshTraces())
        .isEmpty();
    assertThat(rules(List.of(policy), dp, null).meshTraces()).isEmpty();
  }

  @Test
  void trafficTraceWithMoreMatchedTagsWins() {
    List<Resource> policies =
        List.of(
            trafficTrace("a-one-tag", "{kuma.io/service: web}", ""),
            trafficTrace("b-two-tags", "{kuma.io/service: web, version: v1}", ""));

    assertThat(rules(policies, WEB_V1, null).trafficTrace().policy()).isEqualTo("b-two-tags");
  }

  @Test
  void trafficTraceWithMoreExactTagsWinsOverWildcards() {
    List<Resource> policies =
        List.of(
            trafficTrace("a-wildcards", "{kuma.io/service: '*', version: '*'}", ""),
            trafficTrace("b-exact", "{kuma.io/service: web, version: '*'}", ""));

    assertThat(rules(policies, WEB_V1, null).trafficTrace().policy()).isEqualTo("b-exact");
  }

  @Test
  void trafficTraceNewestWinsAnEqualRankThenTheFirstName() {
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    Resource older = trafficTrace("a-older", "{kuma.io/service: web}", "").withCreationTime(t0);
    Resource newer =
        trafficTrace("b-newer", "{kuma.io/service: web}", "").withCreationTime(t0.plusSeconds(1));
    Resource sameTime = trafficTrace("c-same", "{kuma.io/service: web}", "").withCreationTime(t0);

    assertThat(rules(List.of(older, newer), WEB_V1, null).trafficTrace().policy())
        .isEqualTo("b-newer");
    assertThat(rules(List.of(sameTime, older), WEB_V1, null).trafficTrace().policy())
        .isEqualTo("a-older");
  }

  @Test
  void trafficTraceBackendFromConfOrMeshDefault() {
    DataplaneRules named =
        rules(
            List.of(trafficTrace("t", "{kuma.io/service: web}", "conf: {backend: datadog}")),
            WEB_V1,
            null);
    DataplaneRules byDefault =
        rules(List.of(trafficTrace("t", "{kuma.io/service: web}", "")), WEB_V1, null);

    assertThat(named.trafficTrace())
        .isEqualTo(new TrafficTraceRule("t", "datadog", meshBackend("datadog"), null));
    assertThat(byDefault.trafficTrace())
        .isEqualTo(new TrafficTraceRule("t", "zipkin", meshBackend("zipkin"), null));
    assertThat(byDefault.tracingSource()).isEqualTo(Source.TRAFFIC_TRACE);
  }

  @Test
  void trafficTraceNamingAnUnknownBackendIsReportedNotApplied() {
    DataplaneRules rules =
        rules(
            List.of(trafficTrace("t", "{kuma.io/service: web}", "conf: {backend: nope}")),
            WEB_V1,
            null);

    assertThat(rules.trafficTrace())
        .isEqualTo(
            new TrafficTraceRule("t", "nope", null, "backend \"nope\" is not defined in the mesh"));
    assertThat(rules.tracingSource()).isEqualTo(Source.NONE);
  }

  @Test
  void noTrafficTraceSelectingMeansNoRuleEvenWithADefaultBackend() {
    DataplaneRules rules =
        rules(List.of(trafficTrace("t", "{kuma.io/service: api}", "")), WEB_V1, null);

    assertThat(rules.trafficTrace()).isNull();
    assertThat(rules.meshTraceConf()).isNull();
    assertThat(rules.tracingSource()).isEqualTo(Source.NONE);
  }

  private static final String ZIPKIN =
      "backends: [{zipkin: {url: 'http://zipkin:9411/api/v2/spans'}}]";

  private static DataplaneRules rules(List<Resource> policies, Resource dataplane, String zone) {
    return MeshPolicies.of(MESH, policies).rules(dataplane, zone);
  }

  private static dev.meridian.common.policy.mesh.TracingBackend meshBackend(String name) {
    return MESH.spec(MeshSpec.class).tracing().backend(name).orElseThrow();
  }

  /** A MeshTrace; a null targetRef leaves it out (Kuma's default, the whole mesh). */
  private static Resource meshTrace(String name, String targetRef, String defaultConf) {
    return read(
        "type: MeshTrace\nname: "
            + name
            + "\nspec:\n"
            + (targetRef == null ? "" : "  targetRef: " + targetRef + "\n")
            + "  default: {"
            + defaultConf
            + "}\n");
  }

  private static Resource zoneOrigin(Resource policy, String zone) {
    return new Resource(
        policy.type(),
        policy.mesh(),
        policy.name(),
        java.util.Map.of("kuma.io/origin", "zone", "kuma.io/zone", zone),
        policy.creationTime(),
        policy.spec());
  }

  private static Resource trafficTrace(String name, String match, String conf) {
    return read(
        "type: TrafficTrace\nname: " + name + "\nselectors: [{match: " + match + "}]\n" + conf);
  }

  private static Resource dataplane(String name, String tags) {
    return read(
        "type: Dataplane\nname: "
            + name
            + "\nnetworking: {address: 10.0.0.1, inbound: [{port: 80, tags: "
            + tags
            + "}]}");
  }

  private static Resource read(String yaml) {
    ParsedResource parsed = ResourceReader.read(yaml).get(0);
    assertThat(parsed.readErrors()).isEmpty();
    return parsed.resource();
  }
}
