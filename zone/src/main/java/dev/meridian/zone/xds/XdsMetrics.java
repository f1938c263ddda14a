package dev.meridian.zone.xds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * XdsMetrics holds the xDS server's meters (Prometheus names {@code xds_requests_received_total},
 * {@code xds_streams_active}, {@code xds_generation_seconds}, {@code xds_generation_errors_total},
 * {@code xds_delivery_seconds}, {@code xds_locality_refusals_total}).
 */
final class XdsMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger streams = new AtomicInteger();
  private final Map<RequestKind, Counter> requests = new ConcurrentHashMap<>();
  final Timer generation;
  final Counter generationErrors;
  final Timer delivery;

  private record RequestKind(String typeUrl, boolean ack) {}

  XdsMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("xds.streams.active", streams, AtomicInteger::get)
        .description("xDS streams open now")
        .register(registry);
    generation =
        Timer.builder("xds.generation")
            .description("Time to generate one dataplane's xDS resources")
            .register(registry);
    generationErrors =
        Counter.builder("xds.generation.errors")
            .description("Dataplane generations that failed; the dataplane keeps its last snapshot")
            .register(registry);
    delivery =
        Timer.builder("xds.delivery")
            .description("Time from a committed store change to the snapshots it affects being set")
            .register(registry);
  }

  void streamOpened() {
    streams.incrementAndGet();
  }

  void streamClosed() {
    streams.decrementAndGet();
  }

  void request(String typeUrl, boolean ack) {
    // Every response is answered, so this runs once per response sent: no registry lookup here.
    requests
        .computeIfAbsent(
            new RequestKind(typeUrl, ack),
            kind ->
                Counter.builder("xds.requests.received")
                    .description("xDS requests that confirm (ACK) or reject (NACK) a response")
                    .tag("type_url", typeUrl)
                    .tag("confirmation", ack ? "ACK" : "NACK")
                    .register(registry))
        .increment();
  }

  void localityRefusal(String mesh) {
    Counter.builder("xds.locality.refusals")
        .description("Tracing not rendered because the collector host is outside the zone")
        .tag("mesh", mesh)
        .register(registry)
        .increment();
  }
}
