package dev.meridian.global.cluster;

import io.micrometer.core.instrument.MeterRegistry;

/** Replication is what a global node asks of its store's replication: start it, and its health. */
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
      };

  /** Joins the cluster and registers the cluster's meters. */
  void start(MeterRegistry registry);

  /**
   * Whether a majority of the replicas is up and reachable from this one (so writes can commit).
   */
  boolean reachesMajority();
}
