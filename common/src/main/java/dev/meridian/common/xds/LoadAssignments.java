package dev.meridian.common.xds;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.List;

/** LoadAssignments builds ClusterLoadAssignments and the socket addresses inside them. */
final class LoadAssignments {
  private LoadAssignments() {}

  static Address address(String host, int port) {
    return Address.newBuilder()
        .setSocketAddress(SocketAddress.newBuilder().setAddress(host).setPortValue(port))
        .build();
  }

  /** A cluster with exactly one endpoint, for STATIC and STRICT_DNS clusters. */
  static ClusterLoadAssignment single(String cluster, String host, int port) {
    return ClusterLoadAssignment.newBuilder()
        .setClusterName(cluster)
        .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(lbEndpoint(host, port)))
        .build();
  }

  /** A service's endpoints for EDS; with none, the assignment has no locality at all. */
  static ClusterLoadAssignment of(String service, List<EndpointIndex.Endpoint> endpoints) {
    ClusterLoadAssignment.Builder cla = ClusterLoadAssignment.newBuilder().setClusterName(service);
    if (!endpoints.isEmpty()) {
      // Weight 1: grpc-java's xDS client drops a locality without a weight (Envoy ignores it
      // unless locality-weighted balancing is on), so the locality must carry one.
      LocalityLbEndpoints.Builder locality =
          LocalityLbEndpoints.newBuilder().setLoadBalancingWeight(UInt32Value.of(1));
      endpoints.forEach(e -> locality.addLbEndpoints(lbEndpoint(e.address(), e.port())));
      cla.addEndpoints(locality);
    }
    return cla.build();
  }

  private static LbEndpoint lbEndpoint(String host, int port) {
    return LbEndpoint.newBuilder()
        .setEndpoint(Endpoint.newBuilder().setAddress(address(host, port)))
        .build();
  }
}
