package dev.meridian.common.xds;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * ClusterBuilders makes the clusters a sidecar routes to: the local application behind an inbound
 * (STATIC, 127.0.0.1) and the services behind outbounds (EDS over ADS).
 */
final class ClusterBuilders {
  static final String LOCALHOST = "127.0.0.1";
  static final Duration CONNECT_TIMEOUT = Duration.newBuilder().setSeconds(5).build();
  static final String HTTP_PROTOCOL_OPTIONS =
      "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

  private ClusterBuilders() {}

  /** The name of the cluster of the application port behind an inbound. */
  static String localName(int servicePort) {
    return "localhost:" + servicePort;
  }

  /** The application listening on 127.0.0.1:{@code servicePort}. */
  static Cluster local(int servicePort, String protocol) {
    String name = localName(servicePort);
    Cluster.Builder cluster =
        Cluster.newBuilder()
            .setName(name)
            .setType(Cluster.DiscoveryType.STATIC)
            .setConnectTimeout(CONNECT_TIMEOUT)
            .setLoadAssignment(LoadAssignments.single(name, LOCALHOST, servicePort));
    if (Protocols.isHttp2(protocol)) {
      http2(cluster);
    }
    return cluster.build();
  }

  /** The service {@code service}, whose endpoints come over ADS as a ClusterLoadAssignment. */
  static Cluster eds(String service, String protocol) {
    ConfigSource ads =
        ConfigSource.newBuilder()
            .setAds(AggregatedConfigSource.getDefaultInstance())
            .setResourceApiVersion(ApiVersion.V3)
            .build();
    Cluster.Builder cluster =
        Cluster.newBuilder()
            .setName(service)
            .setType(Cluster.DiscoveryType.EDS)
            .setConnectTimeout(CONNECT_TIMEOUT)
            .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setEdsConfig(ads));
    if (Protocols.isHttp2(protocol)) {
      http2(cluster);
    }
    return cluster.build();
  }

  /** Makes the cluster speak HTTP/2 to its upstream (gRPC, h2c). */
  static Cluster.Builder http2(Cluster.Builder cluster) {
    HttpProtocolOptions options =
        HttpProtocolOptions.newBuilder()
            .setExplicitHttpConfig(
                HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
                    .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
            .build();
    return cluster.putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, Any.pack(options));
  }
}
