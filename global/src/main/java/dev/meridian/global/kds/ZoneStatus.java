package dev.meridian.global.kds;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * ZoneStatus is what the global knows of one zone's config stream: whether it is connected, when it
 * last connected and disconnected (null when it never did), the last global store revision it ACKed
 * (0 before its first ACK), how many pushes it NACKed and the last NACK's error.
 */
public record ZoneStatus(
    String name,
    boolean online,
    Instant lastConnected,
    Instant lastDisconnected,
    long ackedRevision,
    long nacks,
    String lastNack) {
  public ZoneStatus {
    Objects.requireNonNull(name, "name");
  }

  /** The same status with the zone offline (its replica is gone, so its stream is too). */
  public ZoneStatus offline() {
    return new ZoneStatus(
        name, false, lastConnected, lastDisconnected, ackedRevision, nacks, lastNack);
  }

  /**
   * One zone's status from what several replicas saw of it: online when any of them has its stream,
   * the latest connection and disconnection, the highest ACKed revision, every NACK counted, and
   * the last NACK of the most recent connection that had one.
   *
   * @param parts statuses of one zone, at least one
   */
  public static ZoneStatus merge(List<ZoneStatus> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Comparator<Instant> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    String lastNack =
        parts.stream()
            .filter(p -> p.lastNack() != null)
            .max(Comparator.comparing(ZoneStatus::lastConnected, nullsFirst))
            .map(ZoneStatus::lastNack)
            .orElse(null);
    return new ZoneStatus(
        parts.get(0).name(),
        parts.stream().anyMatch(ZoneStatus::online),
        latest(parts.stream().map(ZoneStatus::lastConnected)),
        latest(parts.stream().map(ZoneStatus::lastDisconnected)),
        parts.stream().mapToLong(ZoneStatus::ackedRevision).max().orElse(0),
        parts.stream().mapToLong(ZoneStatus::nacks).sum(),
        lastNack);
  }

  private static Instant latest(Stream<Instant> instants) {
    return instants.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
  }
}
