package dev.meridian.zone.xds;

import dev.meridian.common.dataplane.DataplaneSpec;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.xds.EndpointIndex;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * MeshState is what the zone knows of one mesh: its Mesh resource, its tracing policies, its local
 * dataplanes (already {@code inZone}), the {@link MeshPolicies} and {@link EndpointIndex} built
 * from them (rebuilt lazily after a change) and which dataplanes call each service. Changed only on
 * the generator's executor; read by its workers after {@link #prepare}.
 */
final class MeshState {
  private Resource mesh;
  private final Map<ResourceKey, Resource> policies = new HashMap<>();
  private final Map<String, Resource> dataplanes = new TreeMap<>();
  private final Map<String, Set<String>> callers = new HashMap<>();
  private MeshPolicies meshPolicies;
  private EndpointIndex endpoints;

  void mesh(Resource mesh) {
    this.mesh = mesh;
    meshPolicies = null;
  }

  void putPolicy(ResourceKey key, Resource policy) {
    if (policy == null) {
      policies.remove(key);
    } else {
      policies.put(key, policy);
    }
    meshPolicies = null;
  }

  /** Stores or (null) removes a dataplane; returns the one it replaces, or null. */
  Resource putDataplane(String name, Resource dataplane) {
    Resource old = dataplane == null ? dataplanes.remove(name) : dataplanes.put(name, dataplane);
    if (old != null) {
      outboundServices(old).forEach(s -> callers.getOrDefault(s, new HashSet<>()).remove(name));
    }
    if (dataplane != null) {
      outboundServices(dataplane)
          .forEach(s -> callers.computeIfAbsent(s, k -> new HashSet<>()).add(name));
    }
    endpoints = null;
    return old;
  }

  Resource dataplane(String name) {
    return dataplanes.get(name);
  }

  Collection<String> dataplaneNames() {
    return dataplanes.keySet();
  }

  /** The dataplanes with an outbound to {@code service}. */
  Set<String> callersOf(String service) {
    return callers.getOrDefault(service, Set.of());
  }

  boolean isEmpty() {
    return mesh == null && policies.isEmpty() && dataplanes.isEmpty();
  }

  /** Builds what {@link #policies} and {@link #endpoints} return, so both are read-only after. */
  void prepare() {
    if (dataplanes.isEmpty()) {
      return; // nothing to render: a mesh of policies only is never matched
    }
    policies();
    endpoints();
  }

  MeshPolicies policies() {
    if (meshPolicies == null) {
      meshPolicies = MeshPolicies.of(mesh, policies.values());
    }
    return meshPolicies;
  }

  EndpointIndex endpoints() {
    if (endpoints == null) {
      endpoints = EndpointIndex.of(dataplanes.values());
    }
    return endpoints;
  }

  static List<String> inboundServices(Resource dataplane) {
    return dataplane.spec(DataplaneSpec.class).inbound().stream()
        .map(DataplaneSpec.Inbound::service)
        .filter(s -> s != null)
        .toList();
  }

  static List<String> outboundServices(Resource dataplane) {
    return dataplane.spec(DataplaneSpec.class).outbound().stream()
        .map(DataplaneSpec.Outbound::service)
        .filter(s -> s != null)
        .toList();
  }
}
