package dev.meridian.global.kds;

import java.time.Instant;
import java.util.Objects;

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
}
