package dev.meridian.common.xds;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.Comparator;
import java.util.List;

/**
 * XdsResources is everything one proxy receives: listeners, clusters and the load assignments of
 * its EDS clusters, each list sorted by name so that equal inputs give equal output.
 */
public record XdsResources(
    List<Listener> listeners, List<Cluster> clusters, List<ClusterLoadAssignment> endpoints) {
  public XdsResources {
    listeners = listeners.stream().sorted(Comparator.comparing(Listener::getName)).toList();
    clusters = clusters.stream().sorted(Comparator.comparing(Cluster::getName)).toList();
    endpoints =
        endpoints.stream()
            .sorted(Comparator.comparing(ClusterLoadAssignment::getClusterName))
            .toList();
  }

  /**
   * {@code {"listeners":[...],"clusters":[...],"endpoints":[...]}}, each item in proto3 JSON with
   * its own {@code "@type"} and one on every Any, keys sorted, pretty-printed; stable for goldens.
   */
  public String toJson() {
    return EnvoyJson.print(this);
  }
}
