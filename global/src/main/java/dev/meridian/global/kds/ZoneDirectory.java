package dev.meridian.global.kds;

import java.util.List;

/**
 * ZoneDirectory is where a global replica shares what its own zone streams tell it with the other
 * replicas of its cluster, so that every replica lists every zone, online wherever it is connected.
 * A standalone global knows only its own streams ({@link #LOCAL}).
 */
public interface ZoneDirectory {
  /** A standalone global: nothing to share, its own statuses are all there is. */
  ZoneDirectory LOCAL =
      new ZoneDirectory() {
        @Override
        public void publish(ZoneStatus status) {}

        @Override
        public List<ZoneStatus> merge(List<ZoneStatus> own) {
          return own;
        }
      };

  /** This replica's status of a zone changed; called in the order of the changes. */
  void publish(ZoneStatus status);

  /**
   * Every zone known to the cluster, sorted by name: {@code own} (this replica's statuses) merged
   * with what the other replicas published (see {@link ZoneStatus#merge}).
   */
  List<ZoneStatus> merge(List<ZoneStatus> own);
}
