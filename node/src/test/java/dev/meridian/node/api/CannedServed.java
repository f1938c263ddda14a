package dev.meridian.node.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** CannedServed is a {@link ServedView} that serves what a test gives it, keyed "mesh/name". */
final class CannedServed implements ServedView {
  final Map<String, String> xds = new ConcurrentHashMap<>();
  final Map<String, List<String>> refusals = new ConcurrentHashMap<>();

  @Override
  public Optional<String> xdsJson(String mesh, String dataplane) {
    return Optional.ofNullable(xds.get(mesh + "/" + dataplane));
  }

  @Override
  public Optional<List<String>> refusals(String mesh, String dataplane) {
    return Optional.ofNullable(refusals.get(mesh + "/" + dataplane));
  }
}
