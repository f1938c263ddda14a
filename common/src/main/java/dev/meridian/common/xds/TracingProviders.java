package dev.meridian.common.xds;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.trace.v3.DatadogConfig;
import io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig;
import io.envoyproxy.envoy.config.trace.v3.Tracing;
import io.envoyproxy.envoy.config.trace.v3.ZipkinConfig;

/**
 * TracingProviders builds the {@code provider} of an HttpConnectionManager's tracing for each
 * collector kind; MeshTrace and TrafficTrace share them.
 */
final class TracingProviders {
  static final String ZIPKIN = "envoy.tracers.zipkin";
  static final String DATADOG = "envoy.tracers.datadog";
  static final String OPEN_TELEMETRY = "envoy.tracers.opentelemetry";
  static final String HTTP_PROTO = "httpProto";

  private TracingProviders() {}

  /** Zipkin over HTTP; {@code apiVersion} httpProto selects protobuf, anything else JSON. */
  static Tracing.Http zipkin(
      String cluster,
      CollectorAddress address,
      boolean traceId128bit,
      String apiVersion,
      boolean sharedSpanContext) {
    ZipkinConfig config =
        ZipkinConfig.newBuilder()
            .setCollectorCluster(cluster)
            .setCollectorEndpoint(address.path())
            .setCollectorHostname(address.authority())
            .setTraceId128Bit(traceId128bit)
            .setCollectorEndpointVersion(
                HTTP_PROTO.equals(apiVersion)
                    ? ZipkinConfig.CollectorEndpointVersion.HTTP_PROTO
                    : ZipkinConfig.CollectorEndpointVersion.HTTP_JSON)
            .setSharedSpanContext(BoolValue.of(sharedSpanContext))
            .build();
    return http(ZIPKIN, Any.pack(config));
  }

  static Tracing.Http datadog(String cluster, String serviceName) {
    DatadogConfig config =
        DatadogConfig.newBuilder().setCollectorCluster(cluster).setServiceName(serviceName).build();
    return http(DATADOG, Any.pack(config));
  }

  static Tracing.Http openTelemetry(String cluster, String serviceName) {
    OpenTelemetryConfig config =
        OpenTelemetryConfig.newBuilder()
            .setGrpcService(
                GrpcService.newBuilder()
                    .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(cluster)))
            .setServiceName(serviceName)
            .build();
    return http(OPEN_TELEMETRY, Any.pack(config));
  }

  /**
   * Datadog's service name: the dataplane's service, or with {@code splitService} {@code
   * <svc>_INBOUND} and {@code <svc>_OUTBOUND_<destination>}; {@code destination} null is inbound.
   */
  static String datadogService(String service, boolean split, String destination) {
    if (!split) {
      return service;
    }
    return destination == null ? service + "_INBOUND" : service + "_OUTBOUND_" + destination;
  }

  private static Tracing.Http http(String name, Any config) {
    return Tracing.Http.newBuilder().setName(name).setTypedConfig(config).build();
  }
}
