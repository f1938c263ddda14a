package dev.meridian.bench.scale;

import static dev.meridian.bench.scale.Workload.MESH;

import dev.meridian.node.testing.PackagedGlobal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Rounds runs the propagation rounds: each arms the streams with a new collector host, makes the
 * change and collects, per affected stream, the time from the change to the marked listener. The
 * first {@code warmup} rounds of each kind run the same code paths on every JVM (the JIT compiles
 * them) and are left out of the figures.
 */
final class Rounds {
  private final int warmup;
  private final int count;
  private final Duration settle;
  private final Deadline deadline;

  /** ZoneTargeted is the zone-targeted latencies and the xDS responses the other zone received. */
  record ZoneTargeted(long[] latencies, int otherResponses) {}

  Rounds(int warmup, int count, Duration settle, Deadline deadline) {
    this.warmup = warmup;
    this.count = count;
    this.settle = settle;
    this.deadline = deadline;
  }

  /** Updates the mesh-wide MeshTrace on the global; every dataplane is affected. */
  long[] meshWide(PackagedGlobal global, List<SimStream> all) throws Exception {
    List<long[]> rounds = new ArrayList<>();
    for (int r = 1; r <= warmup + count; r++) {
      String host = Workload.collectorHost("mesh-" + r);
      AdsStreams.arm(all, Markers.of(host));
      long t0 =
          GlobalApi.putMeshTrace(
              global,
              MESH,
              Workload.MESH_WIDE_POLICY,
              Workload.meshWide(MESH, Workload.MESH_WIDE_POLICY, host));
      rounds.add(await("mesh-wide round " + r, all, t0));
    }
    return concat(rounds);
  }

  /**
   * Updates the MeshTrace targeted at {@link Workload#TARGET_ZONE}. Every stream is armed, so those
   * of the other zone count what they receive; once the target zone has it all, a settle window
   * gives stray pushes time to show.
   */
  ZoneTargeted zoneTargeted(
      PackagedGlobal global, List<SimStream> all, List<SimStream> target, List<SimStream> others)
      throws Exception {
    List<long[]> rounds = new ArrayList<>();
    int otherResponses = 0;
    for (int r = 1; r <= warmup + count; r++) {
      String host = Workload.collectorHost("zone-" + r);
      AdsStreams.arm(all, Markers.of(host));
      long t0 =
          GlobalApi.putMeshTrace(global, MESH, Workload.ZONE_POLICY, Workload.zoneTargeted(host));
      rounds.add(await("zone-targeted round " + r, target, t0));
      // A fixed wait on purpose: it looks for something that should not happen.
      Thread.sleep(settle.toMillis());
      otherResponses += AdsStreams.responses(others);
    }
    return new ZoneTargeted(concat(rounds), otherResponses);
  }

  /** The same changes on the floor, prepared untimed; t0 is just before {@code go}. */
  long[] floor(Floor floor, boolean meshWide, List<SimStream> all, List<SimStream> affected)
      throws Exception {
    List<long[]> rounds = new ArrayList<>();
    for (int r = 1; r <= warmup + count; r++) {
      String host = Workload.collectorHost("floor-" + (meshWide ? "mesh-" : "zone-") + r);
      floor.prepare(meshWide, host);
      AdsStreams.arm(all, Markers.of(host));
      long t0 = floor.go();
      rounds.add(await("floor round " + r, affected, t0));
      floor.awaitDone();
    }
    return concat(rounds);
  }

  private long[] await(String round, List<SimStream> affected, long t0) throws Exception {
    AdsStreams.awaitMarker(deadline, round, affected);
    Progress.say(round + " reached " + affected.size() + " dataplanes");
    return AdsStreams.latencies(affected, t0);
  }

  /** The samples of every round after the warm-up ones. */
  private long[] concat(List<long[]> rounds) {
    return rounds.stream().skip(warmup).flatMapToLong(LongStream::of).toArray();
  }
}
