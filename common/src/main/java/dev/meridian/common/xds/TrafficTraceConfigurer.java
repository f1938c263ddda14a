package dev.meridian.common.xds;

import dev.meridian.common.match.TrafficTraceRule;
import dev.meridian.common.policy.mesh.TracingBackend;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.trace.v3.Tracing;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.type.v3.Percent;
import java.util.List;
import java.util.Optional;

/**
 * TrafficTraceConfigurer turns the TrafficTrace chosen for a dataplane, through the Mesh backend it
 * names, into Envoy tracing: only {@code overall_sampling} (the backend's {@code sampling}) and the
 * provider, with the collector cluster {@code tracing:<backend name>}. A datadog backend's {@code
 * splitService} names services as MeshTrace's does.
 */
final class TrafficTraceConfigurer implements TracingPlan {
  /** The Datadog agent's trace port, used when a backend leaves {@code port} out. */
  private static final int DATADOG_AGENT_PORT = 8126;

  private final TracingBackend backend;
  private final String service;
  private final CollectorAddress address;
  private final Cluster collector;

  /** {@code rule} must have a resolved backend; {@code service} is the dataplane's first one. */
  TrafficTraceConfigurer(TrafficTraceRule rule, String service) {
    this.backend = rule.backend();
    this.service = service;
    if (backend.zipkin() != null) {
      address = CollectorAddress.fromUrl(backend.zipkin().url());
    } else {
      TracingBackend.DatadogConf dd = backend.datadog();
      address =
          CollectorAddress.of(dd.address(), dd.port() == null ? DATADOG_AGENT_PORT : dd.port());
    }
    collector = CollectorCluster.build("tracing:" + rule.backendName(), address, false);
  }

  @Override
  public Optional<HttpConnectionManager.Tracing> tracing(String destination) {
    return Optional.of(build(destination));
  }

  @Override
  public List<Cluster> clusters() {
    return List.of(collector);
  }

  private HttpConnectionManager.Tracing build(String destination) {
    HttpConnectionManager.Tracing.Builder tracing = HttpConnectionManager.Tracing.newBuilder();
    if (backend.sampling() != null) {
      tracing.setOverallSampling(Percent.newBuilder().setValue(backend.sampling()));
    }
    return tracing.setProvider(provider(destination)).build();
  }

  private Tracing.Http provider(String destination) {
    String cluster = collector.getName();
    if (backend.zipkin() != null) {
      TracingBackend.ZipkinConf z = backend.zipkin();
      return TracingProviders.zipkin(
          cluster,
          address,
          Boolean.TRUE.equals(z.traceId128bit()),
          z.apiVersion(), // httpJsonV1 and httpJson both map to HTTP_JSON
          z.sharedSpanContext() == null || z.sharedSpanContext());
    }
    boolean split = Boolean.TRUE.equals(backend.datadog().splitService());
    return TracingProviders.datadog(
        cluster, TracingProviders.datadogService(service, split, destination));
  }
}
