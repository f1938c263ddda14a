package dev.meridian.global.kds;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ZoneRegistry knows every zone that has connected to this global since it started, and through its
 * {@link ZoneDirectory} the zones connected to the other replicas of its cluster. Streams report to
 * it from their own executors; each update replaces a zone's immutable entry atomically ({@link
 * ConcurrentHashMap#compute}), and an update from a stream that is no longer the zone's current one
 * (it was replaced) does not touch the zone's connection state.
 */
public final class ZoneRegistry {
  /** An entry is a zone's status and the stream that currently owns it (null when offline). */
  private record Entry(ZoneStatus status, Object owner) {}

  private final ConcurrentHashMap<String, Entry> zones = new ConcurrentHashMap<>();
  private final ZoneDirectory directory;

  ZoneRegistry(ZoneDirectory directory) {
    this.directory = directory;
  }

  /** Every zone seen here or by another replica, sorted by name. */
  public List<ZoneStatus> list() {
    return directory.merge(
        zones.values().stream()
            .map(Entry::status)
            .sorted(Comparator.comparing(ZoneStatus::name))
            .toList());
  }

  public Optional<ZoneStatus> get(String name) {
    return list().stream().filter(z -> z.name().equals(name)).findFirst();
  }

  /** {@code owner} is now the zone's stream; a previous owner stops counting. */
  void connected(String zone, Object owner, Instant at) {
    zones.compute(
        zone,
        (name, e) -> {
          ZoneStatus s = e == null ? new ZoneStatus(name, false, null, null, 0, 0, null) : e.status;
          return new Entry(
              new ZoneStatus(
                  name, true, at, s.lastDisconnected(), s.ackedRevision(), s.nacks(), s.lastNack()),
              owner);
        });
    share(zone);
  }

  /** The zone went offline, unless {@code owner} was already replaced by a newer stream. */
  void disconnected(String zone, Object owner, Instant at) {
    zones.computeIfPresent(
        zone,
        (name, e) -> {
          if (e.owner != owner) {
            return e;
          }
          ZoneStatus s = e.status;
          return new Entry(
              new ZoneStatus(
                  name, false, s.lastConnected(), at, s.ackedRevision(), s.nacks(), s.lastNack()),
              null);
        });
    share(zone);
  }

  void acked(String zone, long revision) {
    zones.computeIfPresent(
        zone,
        (name, e) -> {
          ZoneStatus s = e.status;
          long acked = Math.max(s.ackedRevision(), revision);
          return new Entry(
              new ZoneStatus(
                  name,
                  s.online(),
                  s.lastConnected(),
                  s.lastDisconnected(),
                  acked,
                  s.nacks(),
                  s.lastNack()),
              e.owner);
        });
    share(zone);
  }

  void nacked(String zone, String error) {
    zones.computeIfPresent(
        zone,
        (name, e) -> {
          ZoneStatus s = e.status;
          return new Entry(
              new ZoneStatus(
                  name,
                  s.online(),
                  s.lastConnected(),
                  s.lastDisconnected(),
                  s.ackedRevision(),
                  s.nacks() + 1,
                  error),
              e.owner);
        });
    share(zone);
  }

  /**
   * Hands the zone's current status to the directory. Synchronized, and reading the status inside,
   * so that the last status published is the latest even when two streams update the zone at once.
   */
  private synchronized void share(String zone) {
    Entry e = zones.get(zone);
    if (e != null) {
      directory.publish(e.status);
    }
  }

  /**
   * 1 while the zone has this replica's config stream, else 0: the value of its connections gauge.
   */
  double activeConnections(String zone) {
    Entry e = zones.get(zone);
    return e != null && e.status.online() ? 1 : 0;
  }
}
