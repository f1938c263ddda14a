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
        public Optional<HttpConnectionManager.Tracing> inbound() {
          return Optional.empty();
        }

        @Override
        public Optional<HttpConnectionManager.Tracing> outbound(String destination) {
          return Optional.empty();
        }

        @Override
        public List<Cluster> clusters() {
          return List.of();
        }
      };

  /** Tracing for an inbound listener's HttpConnectionManager. */
  Optional<HttpConnectionManager.Tracing> inbound();

  /** Tracing for the HttpConnectionManager of an outbound to {@code destination} (a service). */
  Optional<HttpConnectionManager.Tracing> outbound(String destination);

  /** The collector clusters the tracing providers send to. */
  List<Cluster> clusters();
}
