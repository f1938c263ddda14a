package dev.meridian.common.xds;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;

/**
 * CollectorCluster makes the cluster a tracer sends spans to, as Kuma does: STATIC for an IP
 * literal, STRICT_DNS (IPv4 only) for a host name, one endpoint, TLS with SNI for https.
 */
final class CollectorCluster {
  static final String TLS_SOCKET = "envoy.transport_sockets.tls";

  private CollectorCluster() {}

  /**
   * @param name {@code meshtrace:<provider>} or {@code tracing:<backend>}
   * @param http2 true for a gRPC collector (OpenTelemetry)
   */
  static Cluster build(String name, CollectorAddress address, boolean http2) {
    Cluster.Builder cluster =
        Cluster.newBuilder()
            .setName(name)
            .setAltStatName(altStatName(name))
            .setConnectTimeout(ClusterBuilders.CONNECT_TIMEOUT)
            .setLoadAssignment(LoadAssignments.single(name, address.host(), address.port()));
    if (address.isIp()) {
      cluster.setType(Cluster.DiscoveryType.STATIC);
    } else {
      cluster
          .setType(Cluster.DiscoveryType.STRICT_DNS)
          .setDnsLookupFamily(Cluster.DnsLookupFamily.V4_ONLY);
    }
    if (address.tls()) {
      UpstreamTlsContext tls = UpstreamTlsContext.newBuilder().setSni(address.host()).build();
      cluster.setTransportSocket(
          TransportSocket.newBuilder().setName(TLS_SOCKET).setTypedConfig(Any.pack(tls)));
    }
    if (http2) {
      ClusterBuilders.http2(cluster);
    }
    return cluster.build();
  }

  /** Envoy stat names cannot hold {@code :}; Kuma writes {@code meshtrace_zipkin}. */
  static String altStatName(String name) {
    return name.replace(':', '_');
  }
}
