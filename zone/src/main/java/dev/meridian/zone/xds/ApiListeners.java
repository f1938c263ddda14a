package dev.meridian.zone.xds;

import com.google.protobuf.Any;
import dev.meridian.common.dataplane.DataplaneSpec;
import dev.meridian.common.resource.Resource;
import io.envoyproxy.envoy.config.listener.v3.ApiListener;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ApiListeners gives a proxyless gRPC client what it looks up: for each outbound service {@code S},
 * a Listener named {@code S} (the authority of {@code xds:///S}) whose {@code api_listener} HCM
 * routes every request to the EDS cluster {@code S}. Envoy ignores listeners with an {@code
 * api_listener}; grpc-java ignores the sidecar listeners, because it only asks for these by name.
 * No tracing: grpc-java does not read the HCM's tracing block.
 */
final class ApiListeners {
  // Built once per service ever called from this zone (a few hundred bytes each).
  private static final Map<String, Listener> BY_SERVICE = new ConcurrentHashMap<>();

  private ApiListeners() {}

  static List<Listener> of(Resource dataplane) {
    Map<String, Listener> listeners = new LinkedHashMap<>();
    for (DataplaneSpec.Outbound out : dataplane.spec(DataplaneSpec.class).outbound()) {
      if (out.service() != null) {
        listeners.computeIfAbsent(
            out.service(), service -> BY_SERVICE.computeIfAbsent(service, ApiListeners::listener));
      }
    }
    return List.copyOf(listeners.values());
  }

  static Listener listener(String service) {
    RouteConfiguration routes =
        RouteConfiguration.newBuilder()
            .setName(service)
            .addVirtualHosts(
                VirtualHost.newBuilder()
                    .setName(service)
                    .addDomains("*")
                    .addRoutes(
                        Route.newBuilder()
                            .setMatch(RouteMatch.newBuilder().setPrefix(""))
                            .setRoute(RouteAction.newBuilder().setCluster(service))))
            .build();
    HttpConnectionManager hcm =
        HttpConnectionManager.newBuilder()
            .setStatPrefix(service)
            .setRouteConfig(routes)
            .addHttpFilters(
                HttpFilter.newBuilder()
                    .setName("envoy.filters.http.router")
                    .setTypedConfig(Any.pack(Router.getDefaultInstance())))
            .build();
    return Listener.newBuilder()
        .setName(service)
        .setApiListener(ApiListener.newBuilder().setApiListener(Any.pack(hcm)))
        .build();
  }
}
