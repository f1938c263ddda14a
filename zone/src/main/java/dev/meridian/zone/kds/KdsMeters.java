package dev.meridian.zone.kds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * KdsMeters are the zone's KDS meters, each with the help text {@code promtool check metrics}
 * requires. Counters are thread-safe; the two gauges read atomics the client's executor writes.
 */
final class KdsMeters {
  final Counter pushesReceived;
  final Counter acksSent;
  final Counter nacksSent;
  final Counter reconnects;
  final Counter uploads;
  private final AtomicLong connected = new AtomicLong();
  private final AtomicLong lastSyncRevision = new AtomicLong();

  KdsMeters(MeterRegistry registry) {
    pushesReceived = counter(registry, "kds.pushes.received", "Pushes received from the global");
    acksSent = counter(registry, "kds.acks.sent", "Pushes ACKed: every resource was applied");
    nacksSent =
        counter(
            registry,
            "kds.nacks.sent",
            "Pushes NACKed: some resources were invalid and kept their previous version");
    reconnects =
        counter(registry, "kds.reconnects", "Attempts to reopen the KDS streams after a failure");
    uploads =
        counter(
            registry,
            "kds.uploads",
            "Uploads of Dataplanes and zone-origin MeshTraces sent to the global (full or delta)");
    Gauge.builder("kds.connected", connected, AtomicLong::get)
        .description("1 while the KDS config stream to the global is open and has pushed, else 0")
        .register(registry);
    Gauge.builder("kds.last.sync.revision", lastSyncRevision, AtomicLong::get)
        .description("The global store revision of the last push applied in full")
        .register(registry);
  }

  void connected(boolean up) {
    connected.set(up ? 1 : 0);
  }

  void synced(long revision) {
    lastSyncRevision.set(revision);
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
