package dev.meridian.global.cluster;

import dev.meridian.global.kds.ZoneDirectory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Replication is what a global node asks of its store's replication: start it, its health, and
 * where zones' statuses are shared.
 */
public interface Replication {
  /** A standalone global: nothing to start, writes always have their majority (of one). */
  Replication STANDALONE =
      new Replication() {
        @Override
        public void start(MeterRegistry registry) {}

        @Override
        public boolean reachesMajority() {
          return true;
        }

        @Override
        public ZoneDirectory zones() {
          return ZoneDirectory.LOCAL;
        }
      };

  /** Joins the cluster and registers the cluster's meters. */
  void start(MeterRegistry registry);

  /**
   * Whether a majority of the replicas is up and reachable from this one (so writes can commit).
   */
  boolean reachesMajority();

  /** Where the zones' statuses are shared between replicas (only kept locally when standalone). */
  ZoneDirectory zones();
}
