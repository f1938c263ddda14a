package dev.meridian.common.xds;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.Optional;

/**
 * NetworkFilters makes the one network filter of a listener: an HttpConnectionManager that routes
 * everything to one cluster (and may trace), or a TcpProxy to that cluster for other protocols.
 */
final class NetworkFilters {
  static final String HCM = "envoy.filters.network.http_connection_manager";
  static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";
  static final String ROUTER = "envoy.filters.http.router";

  /**
   * Listeners of many dataplanes hold the same filter (an outbound to the same service, an inbound
   * of the same service and port): it is built and packed once, and kept while a listener holds it.
   */
  private static final Cache<Key, Filter> FILTERS = CacheBuilder.newBuilder().weakValues().build();

  private record Key(
      String protocol,
      String statPrefix,
      String routeName,
      String cluster,
      Optional<HttpConnectionManager.Tracing> tracing) {}

  private NetworkFilters() {}

  /** An HttpConnectionManager for http, http2 and grpc; a TcpProxy (never traced) otherwise. */
  static Filter of(
      String protocol,
      String statPrefix,
      String routeName,
      String cluster,
      Optional<HttpConnectionManager.Tracing> tracing) {
    return FILTERS
        .asMap()
        .computeIfAbsent(
            new Key(protocol, statPrefix, routeName, cluster, tracing), NetworkFilters::build);
  }

  private static Filter build(Key key) {
    String protocol = key.protocol();
    String statPrefix = key.statPrefix();
    String cluster = key.cluster();
    if (!Protocols.isHttp(protocol)) {
      TcpProxy tcp = TcpProxy.newBuilder().setStatPrefix(statPrefix).setCluster(cluster).build();
      return Filter.newBuilder().setName(TCP_PROXY).setTypedConfig(Any.pack(tcp)).build();
    }
    HttpConnectionManager.Builder hcm =
        HttpConnectionManager.newBuilder()
            .setStatPrefix(statPrefix)
            .setRouteConfig(route(key.routeName(), cluster))
            .addHttpFilters(
                HttpFilter.newBuilder()
                    .setName(ROUTER)
                    .setTypedConfig(Any.pack(Router.getDefaultInstance())));
    key.tracing().ifPresent(hcm::setTracing);
    return Filter.newBuilder().setName(HCM).setTypedConfig(Any.pack(hcm.build())).build();
  }

  private static RouteConfiguration route(String name, String cluster) {
    Route route =
        Route.newBuilder()
            .setMatch(RouteMatch.newBuilder().setPrefix("/"))
            .setRoute(RouteAction.newBuilder().setCluster(cluster))
            .build();
    return RouteConfiguration.newBuilder()
        .setName(name)
        .addVirtualHosts(VirtualHost.newBuilder().setName(cluster).addDomains("*").addRoutes(route))
        .build();
  }

  /**
   * A stat prefix Envoy accepts as one metric segment: {@code :} and {@code .} become {@code _}.
   */
  static String statPrefix(String name) {
    return name.replace(':', '_').replace('.', '_');
  }
}
