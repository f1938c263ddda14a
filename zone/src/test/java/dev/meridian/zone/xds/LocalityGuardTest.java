package dev.meridian.zone.xds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LocalityGuardTest reads the collector host of every kind of backend the way the proxy does. */
class LocalityGuardTest {
  private static final String DATAPLANE = Fixtures.dataplane("web-1", "10.0.0.1", 8080, "web");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "zipkin: {url: 'http://zipkin.west:9411/api/v2/spans'}|zipkin.west",
        "datadog: {url: 'udp://dd.west:8126'}|dd.west",
        "openTelemetry: {endpoint: 'otel.west:4317'}|otel.west",
        "openTelemetry: {endpoint: '10.9.9.9:4317'}|10.9.9.9",
      })
  void refusesEveryMeshTraceBackendOutsideTheZone(String backend, String host) {
    DataplaneRules rules =
        rules(
            """
            type: MeshTrace
            name: t1
            mesh: default
            spec:
              default:
                backends:
                  - %s
            """
                .formatted(backend));
    LocalityGuard.Decision refused = new LocalityGuard(Set.of("collector.east")).check(rules);

    assertThat(refused.rendered().tracingSource()).isEqualTo(DataplaneRules.Source.NONE);
    assertThat(refused.rendered().meshTraces()).isEqualTo(rules.meshTraces());
    assertThat(refused.refusals())
        .containsExactly(
            "MeshTrace t1: collector host "
                + host
                + " is not an allowed collector host of this zone [collector.east];"
                + " tracing is off for this dataplane");

    LocalityGuard.Decision allowed = new LocalityGuard(Set.of(host)).check(rules);
    assertThat(allowed.rendered()).isSameAs(rules);
    assertThat(allowed.refusals()).isEmpty();
  }

  @Test
  void readsATrafficTraceBackendAndIsOffWithoutAllowedHosts() {
    DataplaneRules rules =
        rules(
            """
            type: TrafficTrace
            name: all
            mesh: default
            selectors:
              - match:
                  kuma.io/service: '*'
            """);
    assertThat(new LocalityGuard(Set.of("zipkin.east")).check(rules).refusals())
        .singleElement()
        .asString()
        .startsWith("TrafficTrace all: collector host 10.9.9.9 ");
    assertThat(new LocalityGuard(Set.of()).check(rules).rendered()).isSameAs(rules);
  }

  private static DataplaneRules rules(String policy) {
    String mesh =
        """
        type: Mesh
        name: default
        tracing:
          defaultBackend: dd
          backends:
            - name: dd
              type: datadog
              conf:
                address: 10.9.9.9
                port: 8126
        """;
    List<Resource> resources =
        ResourceReader.read(mesh + "---\n" + policy + "---\n" + DATAPLANE).stream()
            .map(ParsedResource::resource)
            .toList();
    Resource dataplane = Dataplanes.inZone(resources.get(2), "east");
    return MeshPolicies.of(resources.get(0), List.of(resources.get(1))).rules(dataplane, "east");
  }
}
