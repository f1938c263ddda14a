package dev.meridian.bench.scale;

import java.util.ArrayList;
import java.util.List;

/**
 * Workload is what the harness and the floor both build from the same few numbers: the simulated
 * dataplanes and the MeshTraces of each round. Each dataplane has one HTTP inbound of service
 * {@code svc-<i % S>} and two outbounds to the next services, with S = N / 20 (at least 1).
 */
final class Workload {
  static final String MESH = "default";
  static final String JOIN_MESH = "bench-join";
  static final List<String> ZONES = List.of("east", "west");
  static final String TARGET_ZONE = "east";
  static final String OTHER_ZONE = "west";
  static final String MESH_WIDE_POLICY = "bench-mesh";
  static final String ZONE_POLICY = "bench-zone";
  static final String BASELINE_HOST = collectorHost("baseline");

  private Workload() {}

  /** {@code total} dataplanes, the first half (rounded up) in east, the rest in west. */
  static List<SimDataplane> dataplanes(int total) {
    int services = Math.max(1, total / 20);
    int east = (total + 1) / 2;
    List<SimDataplane> dataplanes = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      int zone = i < east ? 0 : 1;
      dataplanes.add(
          dataplane(
              ZONES.get(zone),
              MESH,
              i,
              "svc-" + (i % services),
              "svc-" + ((i + 1) % services),
              "svc-" + ((i + 2) % services)));
    }
    return dataplanes;
  }

  static SimDataplane dataplane(
      String zone, String mesh, int i, String service, String out1, String out2) {
    String name = "dp-" + zone + "-" + i;
    String yaml =
        """
        type: Dataplane
        name: %s
        mesh: %s
        networking:
          address: 10.%d.%d.%d
          inbound:
          - port: 8080
            servicePort: 18080
            tags: {kuma.io/service: %s, kuma.io/protocol: http}
          outbound:
          - port: 10001
            tags: {kuma.io/service: %s}
          - port: 10002
            tags: {kuma.io/service: %s}
        """
            .formatted(
                name, mesh, ZONES.indexOf(zone) + 1, (i >> 8) & 255, i & 255, service, out1, out2);
    return new SimDataplane(zone, mesh, name, yaml);
  }

  static String mesh(String name) {
    return "type: Mesh\nname: " + name + "\n";
  }

  /** A MeshTrace on the whole mesh, sending to {@code host}. */
  static String meshWide(String mesh, String name, String host) {
    return meshTrace(mesh, name, "{kind: Mesh}", host);
  }

  /** A MeshTrace on the dataplanes of {@link #TARGET_ZONE}, sending to {@code host}. */
  static String zoneTargeted(String host) {
    return meshTrace(
        MESH, ZONE_POLICY, "{kind: MeshSubset, tags: {kuma.io/zone: " + TARGET_ZONE + "}}", host);
  }

  /** A MeshTrace on one service, as the join set is made of. */
  static String serviceTargeted(String mesh, String name, String service, String host) {
    return meshTrace(mesh, name, "{kind: MeshService, name: " + service + "}", host);
  }

  /** The collector host of a round, unique per round so that it marks the round's listeners. */
  static String collectorHost(String round) {
    return round + ".collector.bench";
  }

  private static String meshTrace(String mesh, String name, String targetRef, String host) {
    return """
        type: MeshTrace
        name: %s
        mesh: %s
        spec:
          targetRef: %s
          default:
            backends:
            - zipkin: {url: 'http://%s:9411/api/v2/spans'}
        """
        .formatted(name, mesh, targetRef, host);
  }
}
