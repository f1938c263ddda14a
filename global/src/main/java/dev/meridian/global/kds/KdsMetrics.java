package dev.meridian.global.kds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.ToDoubleFunction;

/**
 * KdsMetrics registers the KDS meters, named as Kuma names them so existing dashboards keep working
 * ({@code kds_zone_active_connections}, {@code kds_nack_total}, {@code kds_resources_sync}) plus
 * the ones Kuma lacks. Every meter has a description: Prometheus' {@code promtool check metrics}
 * rejects a metric without help text.
 */
final class KdsMetrics {
  static final String ZONE = "zone_name";

  private final MeterRegistry registry;

  KdsMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The meters of one zone; registering them again returns the same meters. */
  ZoneMeters zone(String zone, ZoneRegistry zones, ToDoubleFunction<String> pending) {
    Gauge.builder("kds.zone.active.connections", zones, z -> z.activeConnections(zone))
        .description("KDS config streams open from the zone: 1 while connected, else 0")
        .tag(ZONE, zone)
        .strongReference(true)
        .register(registry);
    Gauge.builder("kds.zone.pending.resources", pending, p -> p.applyAsDouble(zone))
        .description(
            "Resources changed on the global and not yet pushed to the zone (one per key: a"
                + " slow zone's changes are coalesced)")
        .tag(ZONE, zone)
        // the function is a lambda nobody else holds; a weak reference would lose it to the GC
        .strongReference(true)
        .register(registry);
    return new ZoneMeters(
        counter("kds.pushes", "Delta pushes sent to the zone", zone),
        counter("kds.acks", "Pushes the zone ACKed", zone),
        counter("kds.nack", "Pushes the zone NACKed", zone),
        Timer.builder("kds.push.latency")
            .description(
                "Time from the commit of a change on the global to the zone's ACK of the push that"
                    + " carried it")
            .tag(ZONE, zone)
            .register(registry),
        sync(zone, "global_to_zone"),
        sync(zone, "zone_to_global"),
        counter(
            "kds.upload.rejected",
            "Resources uploaded by the zone and rejected as invalid (not stored)",
            zone));
  }

  private Counter sync(String zone, String direction) {
    return Counter.builder("kds.resources.sync")
        .description(
            "Resources synced over KDS: upserts and removals pushed to the zone (global_to_zone)"
                + " or stored from its uploads (zone_to_global)")
        .tag(ZONE, zone)
        .tag("direction", direction)
        .register(registry);
  }

  private Counter counter(String name, String description, String zone) {
    return Counter.builder(name).description(description).tag(ZONE, zone).register(registry);
  }

  /** ZoneMeters are the counters and timers of one zone. */
  record ZoneMeters(
      Counter pushes,
      Counter acks,
      Counter nacks,
      Timer pushLatency,
      Counter pushed,
      Counter uploaded,
      Counter uploadRejected) {}
}
