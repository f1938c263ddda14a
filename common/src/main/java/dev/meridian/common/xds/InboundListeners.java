package dev.meridian.common.xds;

import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;

/**
 * InboundListeners makes the listener of one inbound: bound to the dataplane's address and the
 * inbound port, forwarding to the application's cluster {@code localhost:<servicePort>}.
 */
final class InboundListeners {
  private InboundListeners() {}

  static String name(String address, int port) {
    return "inbound:" + address + ":" + port;
  }

  static Listener listener(String address, Inbound inbound, TracingPlan tracing) {
    String protocol = Protocols.of(inbound.tags());
    String cluster = ClusterBuilders.localName(inbound.effectiveServicePort());
    return Listener.newBuilder()
        .setName(name(address, inbound.port()))
        .setAddress(LoadAssignments.address(address, inbound.port()))
        .setTrafficDirection(TrafficDirection.INBOUND)
        .addFilterChains(
            FilterChain.newBuilder()
                .addFilters(
                    NetworkFilters.of(
                        protocol,
                        NetworkFilters.statPrefix(cluster),
                        "inbound:" + inbound.service(),
                        cluster,
                        tracing.tracing(null))))
        .build();
  }
}
