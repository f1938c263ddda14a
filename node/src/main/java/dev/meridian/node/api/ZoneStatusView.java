package dev.meridian.node.api;

import java.time.Instant;
import java.util.Objects;

/**
 * ZoneStatusView is what {@code /zones} shows of one zone: whether it is connected, when it last
 * connected and disconnected (null when never), the last revision it ACKed and its NACKs.
 */
public record ZoneStatusView(
    String name,
    boolean online,
    Instant lastConnected,
    Instant lastDisconnected,
    long ackedRevision,
    long nacks,
    String lastNack) {
  public ZoneStatusView {
    Objects.requireNonNull(name, "name");
  }
}
