package dev.meridian.common.policy.mesh;

import java.util.List;
import java.util.Optional;

/**
 * Tracing is the Mesh's list of tracing backends and the one used when a TrafficTrace names none.
 */
public record Tracing(String defaultBackend, List<TracingBackend> backends) {
  public Tracing {
    backends = backends == null ? List.of() : List.copyOf(backends);
  }

  public Optional<TracingBackend> backend(String name) {
    return backends.stream().filter(b -> b.name() != null && b.name().equals(name)).findFirst();
  }
}
