package dev.meridian.zone.xds;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.store.ResourceStore;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fixtures writes YAML resources to a store and reads what the tests look for in xDS. */
final class Fixtures {
  private Fixtures() {}

  static void put(ResourceStore store, String yaml) {
    for (ParsedResource parsed : ResourceReader.read(yaml)) {
      if (!parsed.readErrors().isEmpty()) {
        throw new IllegalArgumentException(parsed.readErrors().toString());
      }
      try {
        store.put(parsed.resource(), ResourceStore.ANY);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String dataplane(String name, String address, int port, String service, String... out) {
    StringBuilder yaml =
        new StringBuilder(
            """
            type: Dataplane
            name: %s
            mesh: default
            networking:
              address: %s
              inbound:
                - port: %d
                  tags:
                    kuma.io/service: %s
                    kuma.io/protocol: %s
            """
                .formatted(
                    name, address, port, service, service.startsWith("grpc") ? "grpc" : "http"));
    if (out.length > 0) {
      yaml.append("  outbound:\n");
      for (int i = 0; i < out.length; i++) {
        yaml.append(
            "    - port: %d%n      tags:%n        kuma.io/service: %s%n"
                .formatted(10001 + i, out[i]));
      }
    }
    return yaml.toString();
  }

  static String meshTrace(String name, String targetRef, String zipkinUrl) {
    return """
        type: MeshTrace
        name: %s
        mesh: default
        spec:
          targetRef:
            %s
          default:
            backends:
              - zipkin:
                  url: %s
        """
        .formatted(name, targetRef, zipkinUrl);
  }

  static List<Listener> listeners(DiscoveryResponse response)
      throws InvalidProtocolBufferException {
    List<Listener> listeners = new ArrayList<>();
    for (Any any : response.getResourcesList()) {
      listeners.add(any.unpack(Listener.class));
    }
    return listeners;
  }

  /** The HCM of the listener's first HTTP filter chain, if it has one. */
  static Optional<HttpConnectionManager> hcm(Listener listener) {
    try {
      for (FilterChain chain : listener.getFilterChainsList()) {
        for (Filter filter : chain.getFiltersList()) {
          if (filter.getTypedConfig().is(HttpConnectionManager.class)) {
            return Optional.of(filter.getTypedConfig().unpack(HttpConnectionManager.class));
          }
        }
      }
      return Optional.empty();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  static Listener named(List<Listener> listeners, String name) {
    return listeners.stream()
        .filter(l -> l.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no listener " + name + " in " + names(listeners)));
  }

  static List<String> names(List<Listener> listeners) {
    return listeners.stream().map(Listener::getName).toList();
  }
}
