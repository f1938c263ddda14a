package dev.meridian.common.xds;

import com.google.protobuf.BoolValue;
import dev.meridian.common.policy.meshtrace.MeshTraceConf;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Backend;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Percentage;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.trace.v3.Tracing;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.type.v3.Percent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * MeshTraceConfigurer turns a dataplane's merged MeshTrace conf into Envoy tracing: sampling (each
 * value only when set), custom tags plus {@code kuma.mesh} / {@code kuma.zone}, one provider, and
 * its collector cluster {@code meshtrace:<provider>}.
 */
final class MeshTraceConfigurer implements TracingPlan {
  private final MeshTraceConf conf;
  private final List<io.envoyproxy.envoy.type.tracing.v3.CustomTag> tags;
  private final String service;
  private final Cluster collector;
  // Only Datadog's service name depends on the destination; the others share one.
  private HttpConnectionManager.Tracing anyDestination;

  /** {@code conf} must have a backend; {@code service} is the dataplane's first service. */
  MeshTraceConfigurer(MeshTraceConf conf, String mesh, String zone, String service) {
    this.conf = conf;
    this.tags = CustomTags.of(conf.tags(), mesh, zone);
    this.service = service;
    Backend backend = conf.backend();
    if (backend.zipkin() != null) {
      collector =
          CollectorCluster.build(
              cluster("zipkin"), CollectorAddress.fromUrl(backend.zipkin().url()), false);
    } else if (backend.datadog() != null) {
      collector =
          CollectorCluster.build(
              cluster("datadog"), CollectorAddress.fromUrl(backend.datadog().url()), false);
    } else {
      String endpoint = backend.openTelemetry().endpoint();
      collector =
          CollectorCluster.build(
              cluster("opentelemetry"), CollectorAddress.fromHostPort(endpoint), true);
    }
  }

  private static String cluster(String provider) {
    return "meshtrace:" + provider;
  }

  @Override
  public Optional<HttpConnectionManager.Tracing> tracing(String destination) {
    if (conf.backend().datadog() != null) {
      return Optional.of(build(destination));
    }
    if (anyDestination == null) {
      anyDestination = build(destination);
    }
    return Optional.of(anyDestination);
  }

  @Override
  public List<Cluster> clusters() {
    return List.of(collector);
  }

  private HttpConnectionManager.Tracing build(String destination) {
    HttpConnectionManager.Tracing.Builder tracing = HttpConnectionManager.Tracing.newBuilder();
    if (conf.sampling() != null) {
      percent(conf.sampling().overall(), tracing::setOverallSampling);
      percent(conf.sampling().client(), tracing::setClientSampling);
      percent(conf.sampling().random(), tracing::setRandomSampling);
    }
    return tracing
        .addAllCustomTags(tags)
        .setProvider(provider(destination))
        .setSpawnUpstreamSpan(BoolValue.of(false)) // sidecars; Kuma sets true only for gateways
        .build();
  }

  private Tracing.Http provider(String destination) {
    Backend backend = conf.backend();
    String name = collector.getName();
    if (backend.zipkin() != null) {
      MeshTraceConf.Zipkin z = backend.zipkin();
      return TracingProviders.zipkin(
          name,
          CollectorAddress.fromUrl(z.url()),
          z.traceId128bitOrDefault(),
          z.apiVersionOrDefault(),
          z.sharedSpanContextOrDefault());
    }
    if (backend.datadog() != null) {
      boolean split = backend.datadog().splitServiceOrDefault();
      return TracingProviders.datadog(
          name, TracingProviders.datadogService(service, split, destination));
    }
    return TracingProviders.openTelemetry(name, service);
  }

  private static void percent(Percentage percentage, Consumer<Percent> set) {
    if (percentage != null && percentage.value() != null) {
      set.accept(Percent.newBuilder().setValue(percentage.value()).build());
    }
  }
}
