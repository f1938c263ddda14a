package dev.meridian.zone.xds;

import com.google.protobuf.Message;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Snapshots turns a dataplane's resources into a java-control-plane snapshot. The version of a
 * resource type moves only when that type's resources are not equal to the ones served before, so a
 * type that did not change is not sent again, whatever else changed. A new version is this
 * process's boot id and a counter: unique within the process, and never one a proxy holds from an
 * earlier run (which SimpleCache would take as "already has it" and not send).
 */
final class Snapshots {
  private static final String BOOT =
      HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final String EMPTY = BOOT + "-0";

  private Snapshots() {}

  /** The snapshot of {@code xds}, with the versions {@link #versions} computed for it. */
  static Snapshot of(XdsResources xds, Map<String, String> versions) {
    return Snapshot.create(
        xds.clusters(),
        versions.get(Resources.V3.CLUSTER_TYPE_URL),
        xds.endpoints(),
        versions.get(Resources.V3.ENDPOINT_TYPE_URL),
        xds.listeners(),
        versions.get(Resources.V3.LISTENER_TYPE_URL),
        List.of(),
        EMPTY,
        List.of(),
        EMPTY);
  }

  /**
   * The version of each type of {@code xds}, by type URL: that of {@code previous} where the
   * resources are equal, a new one elsewhere.
   *
   * @param previous what the dataplane was served before, or null
   */
  static Map<String, String> versions(XdsResources xds, ServedDataplane previous) {
    Map<String, List<? extends Message>> before =
        previous == null ? Map.of() : byType(previous.xds());
    Map<String, String> versions = new HashMap<>();
    byType(xds)
        .forEach(
            (type, resources) ->
                versions.put(
                    type,
                    resources.equals(before.get(type))
                        ? previous.versions().get(type)
                        : BOOT + "-" + COUNTER.incrementAndGet()));
    return versions;
  }

  private static Map<String, List<? extends Message>> byType(XdsResources xds) {
    return Map.of(
        Resources.V3.LISTENER_TYPE_URL, xds.listeners(),
        Resources.V3.CLUSTER_TYPE_URL, xds.clusters(),
        Resources.V3.ENDPOINT_TYPE_URL, xds.endpoints());
  }
}
