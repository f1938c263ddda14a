package dev.meridian.zone.xds;

import static dev.meridian.zone.xds.Fixtures.dataplane;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotsTest {
  private static final String LDS = Resources.V3.LISTENER_TYPE_URL;
  private static final String CDS = Resources.V3.CLUSTER_TYPE_URL;
  private static final String EDS = Resources.V3.ENDPOINT_TYPE_URL;

  private final Resource web = resource(dataplane("web-1", "10.0.0.1", 8080, "web", "backend"));
  private final Resource other = resource(dataplane("web-2", "10.0.0.2", 8080, "web", "backend"));
  private final EndpointIndex endpoints = EndpointIndex.of(List.of(web, other));
  private final DataplaneRenderer renderer =
      new DataplaneRenderer(
          "east",
          new LocalityGuard(Set.of()),
          new SimpleCache<>(Node::getId),
          new XdsMetrics(new SimpleMeterRegistry()));

  @Test
  void aFirstRenderingGetsANewVersionPerType() {
    ServedDataplane served = render("default.web-1", web, null);

    assertThat(served.versions()).containsOnlyKeys(LDS, CDS, EDS);
    assertThat(Set.copyOf(served.versions().values())).hasSize(3);
  }

  @Test
  void onlyTheTypesThatChangedGetANewVersion() {
    ServedDataplane first = render("default.web-1", web, null);
    XdsResources xds = first.xds();
    List<Listener> renamed =
        List.of(xds.listeners().get(0).toBuilder().setStatPrefix("changed").build());

    Map<String, String> versions =
        Snapshots.versions(new XdsResources(renamed, xds.clusters(), xds.endpoints()), first);

    assertThat(versions.get(CDS)).isEqualTo(first.versions().get(CDS));
    assertThat(versions.get(EDS)).isEqualTo(first.versions().get(EDS));
    assertThat(versions.get(LDS)).isNotEqualTo(first.versions().get(LDS));
    assertThat(Snapshots.versions(xds, first)).isEqualTo(first.versions());
  }

  @Test
  void equalResourcesOfTwoDataplanesAreOneInstance() {
    XdsResources one = render("default.web-1", web, null).xds();
    XdsResources two = render("default.web-2", other, null).xds();

    assertThat(two.clusters()).hasSameSizeAs(one.clusters());
    for (int i = 0; i < one.clusters().size(); i++) {
      assertThat(two.clusters().get(i)).isSameAs(one.clusters().get(i));
    }
    assertThat(two.endpoints().get(0)).isSameAs(one.endpoints().get(0));
    assertThat(api(two)).isSameAs(api(one));
    assertThat(Fixtures.named(two.listeners(), "inbound:10.0.0.2:8080")).isNotNull();
  }

  private ServedDataplane render(String nodeId, Resource dp, ServedDataplane previous) {
    DataplaneRenderer.Inputs inputs =
        new DataplaneRenderer.Inputs(
            dp,
            MeshPolicies.of(null, List.of()).rules(dp, "east"),
            Map.of("backend", endpoints.endpoints("backend")));
    return renderer.render(nodeId, inputs, endpoints, previous).orElseThrow();
  }

  private static Listener api(XdsResources xds) {
    return xds.listeners().stream().filter(Listener::hasApiListener).findFirst().orElseThrow();
  }

  private static Resource resource(String yaml) {
    return ResourceReader.read(yaml).get(0).resource();
  }
}
