package dev.meridian.common.xds;

import dev.meridian.common.dataplane.DataplaneSpec.Outbound;
import dev.meridian.common.resource.Labels;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;

/**
 * OutboundListeners makes the listener of one outbound: bound to 127.0.0.1 and the outbound port,
 * forwarding to the EDS cluster named after the called service.
 */
final class OutboundListeners {
  private OutboundListeners() {}

  static String name(int port) {
    return "outbound:" + ClusterBuilders.LOCALHOST + ":" + port;
  }

  /**
   * The outbound's protocol: its own {@code kuma.io/protocol} tag, else the one its service's
   * endpoints share, else tcp.
   */
  static String protocol(Outbound outbound, EndpointIndex endpoints) {
    String own = outbound.tags().get(Labels.PROTOCOL);
    return own != null && !own.isEmpty() ? own : endpoints.protocol(outbound.service());
  }

  static Listener listener(Outbound outbound, String protocol, TracingPlan tracing) {
    String service = outbound.service();
    return Listener.newBuilder()
        .setName(name(outbound.port()))
        .setAddress(LoadAssignments.address(ClusterBuilders.LOCALHOST, outbound.port()))
        .setTrafficDirection(TrafficDirection.OUTBOUND)
        .addFilterChains(
            FilterChain.newBuilder()
                .addFilters(
                    NetworkFilters.of(
                        protocol,
                        NetworkFilters.statPrefix(service),
                        "outbound:" + service,
                        service,
                        tracing.tracing(service))))
        .build();
  }
}
