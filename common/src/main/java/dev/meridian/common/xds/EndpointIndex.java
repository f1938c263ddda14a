package dev.meridian.common.xds;

import dev.meridian.common.dataplane.DataplaneSpec;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.resource.Resource;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EndpointIndex maps each service to the endpoints that provide it: the address and inbound port of
 * every inbound tagged with that {@code kuma.io/service}. Build it once per zone state from one
 * mesh's dataplanes; it is immutable (its load assignments are built once, on first use) and
 * thread-safe.
 */
public final class EndpointIndex {
  private static final Comparator<Endpoint> ORDER =
      Comparator.comparing(Endpoint::address).thenComparingInt(Endpoint::port);

  private final Map<String, List<Endpoint>> byService;
  private final Map<String, ClusterLoadAssignment> assignments = new ConcurrentHashMap<>();

  private EndpointIndex(Map<String, List<Endpoint>> byService) {
    this.byService = byService;
  }

  /** One inbound of one dataplane; {@code protocol} is its {@code kuma.io/protocol} or tcp. */
  public record Endpoint(String address, int port, String protocol) {}

  /** Indexes the Dataplane resources among {@code dataplanes}; other types are ignored. */
  public static EndpointIndex of(Collection<Resource> dataplanes) {
    Map<String, List<Endpoint>> byService = new HashMap<>();
    for (Resource resource : dataplanes) {
      if (resource.type() != Dataplanes.TYPE) {
        continue;
      }
      DataplaneSpec spec = resource.spec(DataplaneSpec.class);
      for (DataplaneSpec.Inbound in : spec.inbound()) {
        if (in.service() == null || in.port() == null || spec.address() == null) {
          continue;
        }
        byService
            .computeIfAbsent(in.service(), s -> new ArrayList<>())
            .add(new Endpoint(spec.address(), in.port(), Protocols.of(in.tags())));
      }
    }
    Map<String, List<Endpoint>> frozen = new HashMap<>();
    byService.forEach((service, list) -> frozen.put(service, list.stream().sorted(ORDER).toList()));
    return new EndpointIndex(Map.copyOf(frozen));
  }

  /** The endpoints of {@code service}, sorted by address and port; empty when none. */
  public List<Endpoint> endpoints(String service) {
    return byService.getOrDefault(service, List.of());
  }

  /** The EDS load assignment of {@code service}: one instance per service for every caller. */
  public ClusterLoadAssignment loadAssignment(String service) {
    return assignments.computeIfAbsent(service, s -> LoadAssignments.of(s, endpoints(s)));
  }

  /**
   * The protocol all endpoints of {@code service} share, or tcp when they disagree or there are
   * none (Kuma's rule for an outbound without its own protocol tag).
   */
  public String protocol(String service) {
    List<String> protocols =
        endpoints(service).stream().map(Endpoint::protocol).distinct().toList();
    return protocols.size() == 1 ? protocols.get(0) : Protocols.TCP;
  }
}
