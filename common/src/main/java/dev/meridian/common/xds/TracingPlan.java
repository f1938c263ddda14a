package dev.meridian.common.xds;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.List;
import java.util.Optional;

/**
 * TracingPlan is what one tracing policy adds to a proxy: the tracing block of each
 * HttpConnectionManager and the collector clusters that block points at.
 */
interface TracingPlan {
  TracingPlan NONE =
      new TracingPlan() {
        @Override
        public Optional<HttpConnectionManager.Tracing> tracing(String destination) {
          return Optional.empty();
        }

        @Override
        public List<Cluster> clusters() {
          return List.of();
        }
      };

  /**
   * Tracing for one HttpConnectionManager: {@code destination} is null on an inbound listener and
   * the called service on an outbound one.
   */
  Optional<HttpConnectionManager.Tracing> tracing(String destination);

  /** The collector clusters the tracing providers send to. */
  List<Cluster> clusters();
}
