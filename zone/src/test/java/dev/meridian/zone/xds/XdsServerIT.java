package dev.meridian.zone.xds;

import static dev.meridian.zone.xds.AdsClient.CDS;
import static dev.meridian.zone.xds.AdsClient.EDS;
import static dev.meridian.zone.xds.AdsClient.LDS;
import static dev.meridian.zone.xds.Fixtures.dataplane;
import static dev.meridian.zone.xds.Fixtures.hcm;
import static dev.meridian.zone.xds.Fixtures.listeners;
import static dev.meridian.zone.xds.Fixtures.meshTrace;
import static dev.meridian.zone.xds.Fixtures.named;
import static dev.meridian.zone.xds.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XdsServerIT drives the zone's ADS server with a raw ADS client over a real socket. */
class XdsServerIT {
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final String MESH_WIDE = "kind: Mesh";
  private static final String WEST_ONLY = "kind: MeshSubset\n    tags:\n      kuma.io/zone: west";
  private static final String EAST_ONLY = "kind: MeshSubset\n    tags:\n      kuma.io/zone: east";

  private final ResourceStore store = JournaledResourceStore.inMemory();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeScheduler scheduler = new FakeScheduler();
  private XdsServer server;

  @BeforeEach
  void seed() {
    put(store, "type: Mesh\nname: default\n");
    put(store, dataplane("web-1", "10.0.0.1", 8080, "web", "backend"));
    put(store, dataplane("backend-1", "10.0.0.2", 8080, "backend"));
    put(store, dataplane("other-1", "10.0.0.9", 8080, "other"));
  }

  private void start(Set<String> allowedCollectorHosts) throws Exception {
    server = new XdsServer(store, "east", allowedCollectorHosts, GRACE, meters, scheduler);
    server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    store.close();
  }

  @Test
  void servesWhatProxyGeneratorRendersAndPushesAMeshTraceWithoutATimer() throws Exception {
    start(Set.of());
    try (AdsClient client = new AdsClient(server.port(), node("default.web-1"))) {
      List<Listener> first = listeners(client.next(LDS));
      XdsResources rendered = rendered("web-1");
      assertThat(first.stream().filter(l -> !l.hasApiListener()))
          .containsExactlyInAnyOrderElementsOf(rendered.listeners());
      assertThat(first.stream().filter(Listener::hasApiListener))
          .containsExactly(ApiListeners.listener("backend"));
      assertThat(unpack(client.next(CDS), Cluster.class))
          .containsExactlyInAnyOrderElementsOf(rendered.clusters());
      assertThat(unpack(client.next(EDS), ClusterLoadAssignment.class))
          .containsExactlyInAnyOrderElementsOf(rendered.endpoints());
      assertThat(first)
          .containsExactlyInAnyOrderElementsOf(
              server.current("default", "web-1").orElseThrow().listeners());
      assertThat(hcm(named(first, "inbound:10.0.0.1:8080")).orElseThrow().hasTracing()).isFalse();

      put(store, meshTrace("all", MESH_WIDE, "http://zipkin.east:9411/api/v2/spans"));

      List<Listener> traced = listeners(client.next(LDS));
      assertThat(traced.stream().filter(l -> !l.hasApiListener()))
          .containsExactlyInAnyOrderElementsOf(rendered("web-1").listeners());
      assertThat(hcm(named(traced, "inbound:10.0.0.1:8080")).orElseThrow().getTracing())
          .satisfies(t -> assertThat(t.getProvider().getName()).contains("zipkin"));
      assertThat(traced)
          .containsExactlyInAnyOrderElementsOf(
              server.current("default", "web-1").orElseThrow().listeners());
      assertThat(unpack(client.next(CDS), Cluster.class))
          .extracting(Cluster::getName)
          .anyMatch(n -> n.contains("zipkin"));
      assertThat(server.rules("default", "web-1").orElseThrow().tracingSource())
          .isEqualTo(DataplaneRules.Source.MESH_TRACE);
      await().untilAsserted(() -> assertThat(requests(LDS, "ACK")).isEqualTo(2));
      assertThat(requests(LDS, "NACK")).isZero();
    }
  }

  @Test
  void countsAndLogsANack() throws Exception {
    start(Set.of());
    try (AdsClient client = new AdsClient(server.port(), node("default.web-1"))) {
      DiscoveryResponse lds = client.next(LDS);
      client.nack(lds, "", "listener inbound:10.0.0.1:8080: cannot bind");
      await().untilAsserted(() -> assertThat(requests(LDS, "NACK")).isEqualTo(1));
      // The NACK names no accepted version, so the server resends the snapshot and it is ACKed.
      await().untilAsserted(() -> assertThat(requests(LDS, "ACK")).isGreaterThanOrEqualTo(1));
    }
  }

  @Test
  void aMeshSubsetForAnotherZoneChangesNoSnapshot() throws Exception {
    start(Set.of());
    try (AdsClient client = new AdsClient(server.port(), node("default.web-1"))) {
      client.next(LDS);
      client.next(CDS);
      client.next(EDS);
      await().until(() -> requests(EDS, "ACK") == 1 && requests(CDS, "ACK") == 1);
      Map<String, Map<String, String>> before = versions();
      long generations = meters.timer("xds.generation").count();
      long deliveries = meters.timer("xds.delivery").count();

      put(store, meshTrace("west-only", WEST_ONLY, "http://zipkin.west:9411/api/v2/spans"));

      await().until(() -> meters.timer("xds.delivery").count() > deliveries);
      assertThat(meters.timer("xds.generation").count()).isEqualTo(generations);
      assertThat(versions()).isEqualTo(before);
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(3))
          .until(() -> client.unread() == 0);

      // The same policy for this zone does reach the proxy on the same stream.
      put(store, meshTrace("east-only", EAST_ONLY, "http://zipkin.east:9411/api/v2/spans"));
      List<Listener> traced = listeners(client.next(LDS));
      assertThat(hcm(named(traced, "inbound:10.0.0.1:8080")).orElseThrow().hasTracing()).isTrue();
    }
  }

  @Test
  void aNewEndpointRegeneratesItselfAndItsCallersOnly() throws Exception {
    start(Set.of());
    try (AdsClient client = new AdsClient(server.port(), node("default.web-1"))) {
      assertThat(endpointsOfBackend(client.next(EDS))).isEqualTo(1);
      Map<String, String> other = server.served("default", "other-1").orElseThrow().versions();
      long generations = meters.timer("xds.generation").count();
      long deliveries = meters.timer("xds.delivery").count();

      put(store, dataplane("backend-2", "10.0.0.3", 8080, "backend"));

      assertThat(endpointsOfBackend(client.next(EDS))).isEqualTo(2);
      await().until(() -> meters.timer("xds.delivery").count() > deliveries);
      assertThat(meters.timer("xds.generation").count()).isEqualTo(generations + 2);
      assertThat(server.served("default", "backend-2")).isPresent();
      assertThat(server.served("default", "other-1").orElseThrow().versions()).isEqualTo(other);
    }
  }

  @Test
  void registersADataplaneFromNodeMetadataAndRemovesItAfterTheGracePeriod() throws Exception {
    start(Set.of());
    String json =
        """
        {"type": "Dataplane", "mesh": "default", "name": "meta-1",
         "networking": {"address": "10.0.0.7",
           "inbound": [{"port": 8080, "tags": {"kuma.io/service": "meta"}}],
           "outbound": [{"port": 10001, "tags": {"kuma.io/service": "backend"}}]}}
        """;
    Node node =
        node("default.meta-1").toBuilder()
            .setMetadata(
                Struct.newBuilder()
                    .putFields(
                        MetadataDataplane.KEY, Value.newBuilder().setStringValue(json).build()))
            .build();
    ResourceKey key = new ResourceKey("Dataplane", "default", "meta-1", "east");
    AdsClient client = new AdsClient(server.port(), node);
    try {
      assertThat(Fixtures.names(listeners(client.next(LDS)))).contains("backend");
      assertThat(meters.get("xds.streams.active").gauge().value()).isEqualTo(1.0);
      assertThat(store.get(key).orElseThrow().resource().labels())
          .containsEntry(Labels.ORIGIN, Labels.ORIGIN_ZONE)
          .containsEntry(Labels.ZONE, "east");
    } finally {
      client.close();
    }

    await().until(() -> scheduler.pending() == 1);
    assertThat(meters.get("xds.streams.active").gauge().value()).isZero();
    scheduler.advance(GRACE.minusSeconds(1));
    assertThat(scheduler.pending()).isEqualTo(1);
    assertThat(store.get(key)).isPresent();

    scheduler.advance(Duration.ofSeconds(1));
    await().until(() -> store.get(key).isEmpty() && server.served("default", "meta-1").isEmpty());
  }

  @Test
  void aReconnectWithinTheGracePeriodKeepsTheDataplane() throws Exception {
    start(Set.of());
    Node node = metadataNode("default.meta-2", "meta-2");
    ResourceKey key = new ResourceKey("Dataplane", "default", "meta-2", "east");
    try (AdsClient first = new AdsClient(server.port(), node)) {
      first.next(LDS);
    }
    await().until(() -> scheduler.pending() == 1);
    try (AdsClient second = new AdsClient(server.port(), node)) {
      second.next(LDS);
      await().until(() -> scheduler.pending() == 0);
      scheduler.advance(GRACE.plusSeconds(1));
      assertThat(store.get(key)).isPresent();
    }
  }

  @Test
  void refusesAStreamWhoseMetadataDataplaneIsInvalid() throws Exception {
    start(Set.of());
    try (AdsClient client = new AdsClient(server.port(), metadataNode("default.meta-3", "other"))) {
      await().until(() -> client.error() != null);
      assertThat(io.grpc.Status.fromThrowable(client.error()).getCode())
          .isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
      assertThat(client.error())
          .hasMessageContaining(
              "holds Dataplane default/other (expected: Dataplane default/meta-3");
    }
    assertThat(store.get(new ResourceKey("Dataplane", "default", "other", "east"))).isEmpty();
    await().until(() -> meters.get("xds.streams.active").gauge().value() == 0);
  }

  private static Node metadataNode(String id, String name) {
    String json =
        """
        {"type": "Dataplane", "mesh": "default", "name": "%s",
         "networking": {"address": "10.0.0.8",
           "inbound": [{"port": 8080, "tags": {"kuma.io/service": "meta"}}]}}
        """
            .formatted(name);
    return node(id).toBuilder()
        .setMetadata(
            Struct.newBuilder()
                .putFields(MetadataDataplane.KEY, Value.newBuilder().setStringValue(json).build()))
        .build();
  }

  @Test
  void theLocalityGuardRefusesAForeignCollectorAndAllowsALocalOne() throws Exception {
    start(Set.of("zipkin.east"));
    put(store, meshTrace("trace-all", MESH_WIDE, "http://zipkin.west:9411/api/v2/spans"));

    await().until(() -> !served("web-1").refusals().isEmpty());
    ServedDataplane refused = served("web-1");
    assertThat(refused.refusals())
        .singleElement()
        .asString()
        .contains("MeshTrace trace-all", "zipkin.west", "[zipkin.east]");
    assertThat(refused.rules().tracingSource()).isEqualTo(DataplaneRules.Source.MESH_TRACE);
    assertThat(
            hcm(named(refused.xds().listeners(), "inbound:10.0.0.1:8080"))
                .orElseThrow()
                .hasTracing())
        .isFalse();
    assertThat(refused.xds().clusters())
        .extracting(Cluster::getName)
        .noneMatch(n -> n.contains("zipkin"));
    Counter refusals = meters.find("xds.locality.refusals").tag("mesh", "default").counter();
    assertThat(refusals).isNotNull();
    assertThat(refusals.count()).isEqualTo(3.0);

    put(store, meshTrace("trace-all", MESH_WIDE, "http://zipkin.east:9411/api/v2/spans"));

    await().until(() -> served("web-1").refusals().isEmpty());
    assertThat(
            hcm(named(served("web-1").xds().listeners(), "inbound:10.0.0.1:8080"))
                .orElseThrow()
                .hasTracing())
        .isTrue();
    assertThat(refusals.count()).isEqualTo(3.0);
  }

  /** What ProxyGenerator renders for {@code name} from the store as it is now, in zone east. */
  private XdsResources rendered(String name) {
    List<Resource> all =
        store.snapshot().resources().stream().map(StoredResource::resource).toList();
    Resource mesh = all.stream().filter(r -> r.type() == Meshes.TYPE).findFirst().orElseThrow();
    List<Resource> dataplanes =
        all.stream()
            .filter(r -> r.type() == Dataplanes.TYPE)
            .map(r -> Dataplanes.inZone(r, "east"))
            .toList();
    Resource dp = dataplanes.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    DataplaneRules rules = MeshPolicies.of(mesh, all).rules(dp, "east");
    return ProxyGenerator.generate(dp, "east", rules, EndpointIndex.of(dataplanes));
  }

  private ServedDataplane served(String name) {
    return server.served("default", name).orElseThrow();
  }

  private Map<String, Map<String, String>> versions() {
    return Map.of(
        "web-1", served("web-1").versions(),
        "backend-1", served("backend-1").versions(),
        "other-1", served("other-1").versions());
  }

  private double requests(String typeUrl, String confirmation) {
    Counter counter =
        meters
            .find("xds.requests.received")
            .tags("type_url", typeUrl, "confirmation", confirmation)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static int endpointsOfBackend(DiscoveryResponse eds) throws Exception {
    return unpack(eds, ClusterLoadAssignment.class).stream()
        .filter(c -> c.getClusterName().equals("backend"))
        .mapToInt(c -> c.getEndpoints(0).getLbEndpointsCount())
        .sum();
  }

  static Node node(String id) {
    return Node.newBuilder().setId(id).build();
  }

  static <T extends com.google.protobuf.Message> List<T> unpack(DiscoveryResponse r, Class<T> type)
      throws Exception {
    List<T> out = new ArrayList<>();
    for (Any any : r.getResourcesList()) {
      out.add(any.unpack(type));
    }
    return out;
  }
}
