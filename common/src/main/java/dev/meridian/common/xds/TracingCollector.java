package dev.meridian.common.xds;

import dev.meridian.common.match.AppliedPolicy;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.TrafficTraceRule;
import dev.meridian.common.policy.mesh.TracingBackend;
import dev.meridian.common.policy.meshtrace.MeshTraceConf;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * TracingCollector is the collector a dataplane's rules send its traces to: the host the proxy will
 * connect to, read exactly as {@link ProxyGenerator} reads it, and the policy that chose it.
 *
 * @param policy {@code MeshTrace <names in merge order>} or {@code TrafficTrace <name>}
 */
public record TracingCollector(String policy, String host) {

  /** The collector of {@code rules}, or empty when they trace nowhere. */
  public static Optional<TracingCollector> of(DataplaneRules rules) {
    return switch (rules.tracingSource()) {
      case MESH_TRACE -> Optional.of(meshTrace(rules));
      case TRAFFIC_TRACE -> Optional.of(trafficTrace(rules.trafficTrace()));
      case NONE -> Optional.empty();
    };
  }

  private static TracingCollector meshTrace(DataplaneRules rules) {
    String names =
        rules.meshTraces().stream().map(AppliedPolicy::name).collect(Collectors.joining(","));
    MeshTraceConf.Backend backend = rules.meshTraceConf().backend();
    CollectorAddress address;
    if (backend.zipkin() != null) {
      address = CollectorAddress.fromUrl(backend.zipkin().url());
    } else if (backend.datadog() != null) {
      address = CollectorAddress.fromUrl(backend.datadog().url());
    } else {
      address = CollectorAddress.fromHostPort(backend.openTelemetry().endpoint());
    }
    return new TracingCollector("MeshTrace " + names, address.host());
  }

  private static TracingCollector trafficTrace(TrafficTraceRule rule) {
    TracingBackend backend = rule.backend();
    String host =
        backend.zipkin() != null
            ? CollectorAddress.fromUrl(backend.zipkin().url()).host()
            : backend.datadog().address();
    return new TracingCollector("TrafficTrace " + rule.policy(), host);
  }
}
