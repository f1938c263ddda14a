package dev.meridian.common.policy.traffictrace;

import dev.meridian.common.resource.Spec;
import java.util.List;
import java.util.Map;

/**
 * TrafficTraceSpec selects dataplanes by inbound tags and names the Mesh backend to trace to; an
 * empty backend means the Mesh's {@code defaultBackend}.
 */
public record TrafficTraceSpec(List<Selector> selectors, Conf conf) implements Spec {
  public TrafficTraceSpec {
    selectors = selectors == null ? List.of() : List.copyOf(selectors);
  }

  /** The backend named in {@code conf}, or null for the mesh's default. */
  public String backend() {
    return conf == null || conf.backend() == null || conf.backend().isEmpty()
        ? null
        : conf.backend();
  }

  /**
   * Selector matches an inbound whose tags contain all of {@code match}; {@code *} is any value.
   */
  public record Selector(Map<String, String> match) {
    public Selector {
      // Sorted, so that messages and matching visit tags in a stable order (Map.copyOf has none).
      match =
          match == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(match));
    }
  }

  /** Conf names the backend. */
  public record Conf(String backend) {}
}
