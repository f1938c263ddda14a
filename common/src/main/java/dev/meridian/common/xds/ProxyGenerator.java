package dev.meridian.common.xds;

import dev.meridian.common.dataplane.DataplaneSpec;
import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.dataplane.DataplaneSpec.Outbound;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.resource.Resource;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ProxyGenerator produces every xDS resource of one sidecar: a listener and a local cluster per
 * inbound, a listener, an EDS cluster and a load assignment per outbound, and the tracing the
 * dataplane's rules call for (MeshTrace over TrafficTrace, see {@link DataplaneRules}).
 */
public final class ProxyGenerator {
  private ProxyGenerator() {}

  /**
   * @param dataplane the Dataplane, already passed through {@code Dataplanes.inZone(dp, zone)}
   * @param zone the zone the proxy runs in; null outside any zone, and then MeshTrace adds no
   *     {@code kuma.zone} tag (there is no true value for it)
   * @param rules what {@code MeshPolicies.rules(dataplane, zone)} returned for it
   * @param endpoints the endpoints of the dataplane's mesh in its zone
   */
  public static XdsResources generate(
      Resource dataplane, String zone, DataplaneRules rules, EndpointIndex endpoints) {
    DataplaneSpec spec = dataplane.spec(DataplaneSpec.class);
    TracingPlan tracing = tracing(dataplane, zone, rules, firstService(dataplane, spec));
    List<Listener> listeners = new ArrayList<>();
    Map<String, Cluster> clusters = new LinkedHashMap<>();
    Map<String, ClusterLoadAssignment> assignments = new LinkedHashMap<>();
    for (Inbound in : spec.inbound()) {
      listeners.add(InboundListeners.listener(spec.address(), in, tracing));
      Cluster local = ClusterBuilders.local(in.effectiveServicePort(), Protocols.of(in.tags()));
      clusters.putIfAbsent(local.getName(), local);
    }
    for (Outbound out : spec.outbound()) {
      String protocol = OutboundListeners.protocol(out, endpoints);
      listeners.add(OutboundListeners.listener(out, protocol, tracing));
      clusters.putIfAbsent(out.service(), ClusterBuilders.eds(out.service(), protocol));
      assignments.putIfAbsent(out.service(), endpoints.loadAssignment(out.service()));
    }
    tracing.clusters().forEach(c -> clusters.putIfAbsent(c.getName(), c));
    return new XdsResources(
        listeners, List.copyOf(clusters.values()), List.copyOf(assignments.values()));
  }

  private static TracingPlan tracing(
      Resource dataplane, String zone, DataplaneRules rules, String service) {
    return switch (rules.tracingSource()) {
      case MESH_TRACE ->
          new MeshTraceConfigurer(rules.meshTraceConf(), dataplane.mesh(), zone, service);
      case TRAFFIC_TRACE -> new TrafficTraceConfigurer(rules.trafficTrace(), service);
      case NONE -> TracingPlan.NONE;
    };
  }

  /** Kuma names a proxy in traces after its first inbound's service. */
  private static String firstService(Resource dataplane, DataplaneSpec spec) {
    return spec.inbound().isEmpty() || spec.inbound().get(0).service() == null
        ? dataplane.name()
        : spec.inbound().get(0).service();
  }
}
