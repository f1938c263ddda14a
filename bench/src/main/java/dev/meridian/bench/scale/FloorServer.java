package dev.meridian.bench.scale;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FloorServer is the floor of the propagation figures, in a JVM of its own: java-control-plane's
 * {@link V3DiscoveryServer} over a {@link SimpleCache}, library defaults, serving the harness's
 * dataplanes what Meridian's generator makes of the same policies. Each round is computed before it
 * is timed; on {@code go} every snapshot is set at once, so the harness times only the library.
 *
 * <p>Protocol, one line each: it prints {@code listening <port>} once the baseline is set; then
 * {@code prepare mesh|zone <collector host>} computes a round (answer {@code prepared}) and {@code
 * go} sets it (answer {@code done}). End of input stops it.
 */
public final class FloorServer {
  private final SimpleCache<String> cache = new SimpleCache<>(Node::getId);
  private final Resource mesh = parse(Workload.mesh(Workload.MESH));
  private final Map<String, Resource> policies = new LinkedHashMap<>();
  private final Map<SimDataplane, Resource> dataplanes = new LinkedHashMap<>();
  private final Map<String, EndpointIndex> endpoints = new HashMap<>();

  FloorServer(List<SimDataplane> simulated) {
    for (SimDataplane dp : simulated) {
      dataplanes.put(dp, Dataplanes.inZone(parse(dp.yaml()), dp.zone()));
    }
    for (String zone : Workload.ZONES) {
      endpoints.put(
          zone,
          EndpointIndex.of(
              dataplanes.entrySet().stream()
                  .filter(e -> e.getKey().zone().equals(zone))
                  .map(Map.Entry::getValue)
                  .toList()));
    }
    put(Workload.meshWide(Workload.MESH, Workload.MESH_WIDE_POLICY, Workload.BASELINE_HOST));
  }

  public static void main(String[] args) throws Exception {
    FloorServer floor = new FloorServer(Workload.dataplanes(Integer.parseInt(args[0])));
    floor.set(floor.compute());
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new V3DiscoveryServer(floor.cache).getAggregatedDiscoveryServiceImpl())
            .build()
            .start();
    System.out.println("listening " + server.getPort());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Map<String, Snapshot> next = Map.of();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.split(" ");
      if (words[0].equals("prepare")) {
        floor.put(
            words[1].equals("mesh")
                ? Workload.meshWide(Workload.MESH, Workload.MESH_WIDE_POLICY, words[2])
                : Workload.zoneTargeted(words[2]));
        next = floor.compute();
        System.out.println("prepared");
      } else if (words[0].equals("go")) {
        floor.set(next);
        System.out.println("done");
      }
    }
    server.shutdownNow();
  }

  private void put(String yaml) {
    Resource policy = parse(yaml);
    policies.put(policy.name(), policy);
  }

  /** Every dataplane's snapshot for the current policies, by node id. */
  Map<String, Snapshot> compute() {
    MeshPolicies rules = MeshPolicies.of(mesh, List.copyOf(policies.values()));
    Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    dataplanes.forEach(
        (dp, resource) -> {
          XdsResources xds =
              ProxyGenerator.generate(
                  resource, dp.zone(), rules.rules(resource, dp.zone()), endpoints.get(dp.zone()));
          snapshots.put(dp.nodeId(), snapshot(xds));
        });
    return snapshots;
  }

  private void set(Map<String, Snapshot> snapshots) {
    snapshots.forEach(cache::setSnapshot);
  }

  /** As the zone does, each type's version follows its content, so unchanged types are not sent. */
  private static Snapshot snapshot(XdsResources xds) {
    return Snapshot.create(
        xds.clusters(),
        version(xds.clusters()),
        xds.endpoints(),
        version(xds.endpoints()),
        xds.listeners(),
        version(xds.listeners()),
        List.of(),
        "",
        List.of(),
        "");
  }

  private static String version(List<?> resources) {
    return Integer.toHexString(resources.hashCode());
  }

  static Resource parse(String yaml) {
    ParsedResource parsed = ResourceReader.read(yaml).get(0);
    if (!parsed.readErrors().isEmpty()) {
      throw new IllegalArgumentException(parsed.readErrors().toString());
    }
    return parsed.resource();
  }
}
