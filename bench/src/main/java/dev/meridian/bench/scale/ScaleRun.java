package dev.meridian.bench.scale;

import static dev.meridian.bench.scale.Workload.MESH;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ScaleRun runs the phases of issue 6 in order, on one thread: start a global, zones east and west
 * and the floor; connect the dataplanes; zone memory; mesh-wide and zone-targeted rounds on
 * Meridian, then the same on the floor; global writes; a fresh zone joining. Every timestamp is
 * taken in this JVM.
 */
final class ScaleRun {
  static final String GENERATIONS = "xds_generation_seconds_count";
  static final String MESH_WIDE = "Meridian mesh-wide";
  static final String ZONE_TARGETED = "Meridian zone-targeted";
  static final String FLOOR_MESH_WIDE = "floor mesh-wide";
  static final String FLOOR_ZONE_TARGETED = "floor zone-targeted";

  /** Options are the run's settings (see {@link ScaleCommand}). */
  record Options(
      int dataplanes,
      int rounds,
      int joinPolicies,
      int channels,
      int writers,
      Duration settle,
      Duration deadline,
      Path out) {}

  /**
   * Result is the report and the raw samples of its propagation figures, by series, for the chart.
   */
  record Result(Report report, Map<String, long[]> samples) {}

  /** MeridianPhase is what the zone rounds measured. */
  private record MeridianPhase(Map<String, Report.ZoneMemory> memory, Report.Isolation isolation) {}

  private final Options options;
  private final Deadline deadline;
  private final Rounds rounds;
  private final List<SimDataplane> dataplanes;
  private final Map<String, long[]> samples = new LinkedHashMap<>();

  ScaleRun(Options options) {
    this.options = options;
    this.deadline = new Deadline(options.deadline());
    this.rounds = new Rounds(options.rounds(), options.settle(), deadline);
    this.dataplanes = Workload.dataplanes(options.dataplanes());
  }

  Result run() throws Exception {
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    try (Cluster cluster = new Cluster(options.out().resolve("nodes"))) {
      PackagedGlobal global = cluster.global();
      GlobalApi.putMesh(global, MESH);
      GlobalApi.putMeshTrace(
          global,
          MESH,
          Workload.MESH_WIDE_POLICY,
          Workload.meshWide(MESH, Workload.MESH_WIDE_POLICY, Workload.BASELINE_HOST));
      Map<String, PackagedZone> zones = new LinkedHashMap<>();
      for (String zone : Workload.ZONES) {
        zones.put(zone, cluster.zone(zone, global.kdsPort()));
      }
      Floor floor = cluster.floor(dataplanes.size());
      for (String zone : Workload.ZONES) {
        deadline.await("zone " + zone + " ready", () -> zones.get(zone).status("/ready") == 200);
      }
      Progress.say("global, zones east and west, and the floor are up");

      MeridianPhase meridian = meridian(global, zones);
      floor(floor);
      floor.close();
      Join join = new Join(options.joinPolicies(), options.writers(), deadline);
      Report.Writes writes = join.write(global);
      Progress.say(
          String.format("%d policies written, %.0f/s", writes.policies(), writes.perSecond()));
      Report.Join joined = join.join(cluster, global);
      Progress.say("zone north joined");
      // Stopped before the report is made, so that what it says of the processes holds.
      cluster.close();

      int targeted =
          (int) dataplanes.stream().filter(d -> d.zone().equals(Workload.TARGET_ZONE)).count();
      List<String> problems = new ArrayList<>();
      Report.Isolation isolation = meridian.isolation();
      if (isolation.listenerResponses() != 0) {
        problems.add(
            isolation.zone()
                + "'s dataplanes received "
                + isolation.listenerResponses()
                + " LDS responses for changes targeted at "
                + Workload.TARGET_ZONE
                + " (expected: 0)");
      }
      Report report =
          new Report(
              startedAt.toString(),
              dataplanes.size(),
              options.rounds(),
              options.channels(),
              new Report.Machine(
                  Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")),
              Report.Propagation.of(
                  dataplanes.size() * options.rounds(),
                  samples.get(MESH_WIDE),
                  samples.get(FLOOR_MESH_WIDE)),
              Report.Propagation.of(
                  targeted * options.rounds(),
                  samples.get(ZONE_TARGETED),
                  samples.get(FLOOR_ZONE_TARGETED)),
              isolation,
              meridian.memory(),
              writes,
              joined,
              cluster.started(),
              (System.nanoTime() - t0) / 1e9,
              problems);
      return new Result(report, samples);
    }
  }

  /**
   * Zone memory without dataplanes, then with them all served, then the rounds; the streams are
   * closed at the end.
   */
  private MeridianPhase meridian(PackagedGlobal global, Map<String, PackagedZone> zones)
      throws Exception {
    Map<String, Long> baseline = new LinkedHashMap<>();
    for (String zone : Workload.ZONES) {
      baseline.put(zone, Heap.usedAfterFullGc(zones.get(zone).pid()));
    }
    Map<String, AdsStreams> streams = new LinkedHashMap<>();
    try {
      List<SimStream> all = new ArrayList<>();
      for (String zone : Workload.ZONES) {
        List<SimDataplane> inZone = dataplanes.stream().filter(d -> d.zone().equals(zone)).toList();
        AdsStreams opened =
            new AdsStreams(
                zones.get(zone).xdsPort(),
                inZone,
                options.channels(),
                Markers.of(Workload.BASELINE_HOST));
        streams.put(zone, opened);
        all.addAll(opened.streams());
      }
      AdsStreams.awaitMarker(deadline, "every dataplane's first listeners", all);
      Progress.say(all.size() + " dataplanes connected and served");
      Map<String, Report.ZoneMemory> memory = new LinkedHashMap<>();
      for (String zone : Workload.ZONES) {
        memory.put(
            zone,
            new Report.ZoneMemory(
                streams.get(zone).streams().size(),
                baseline.get(zone),
                Heap.usedAfterFullGc(zones.get(zone).pid())));
      }

      samples.put(MESH_WIDE, rounds.meshWide(global, all));
      String other = Workload.OTHER_ZONE;
      double before = zones.get(other).metric(GENERATIONS);
      Rounds.ZoneTargeted zoneTargeted =
          rounds.zoneTargeted(
              global,
              all,
              streams.get(Workload.TARGET_ZONE).streams(),
              streams.get(other).streams());
      samples.put(ZONE_TARGETED, zoneTargeted.latencies());
      Report.Isolation isolation =
          new Report.Isolation(
              other, zoneTargeted.otherResponses(), before, zones.get(other).metric(GENERATIONS));
      return new MeridianPhase(memory, isolation);
    } finally {
      for (AdsStreams s : streams.values()) {
        s.close();
      }
    }
  }

  /** The same rounds on the floor: the same dataplanes and policies, only the library serving. */
  private void floor(Floor floor) throws Exception {
    int channels = options.channels() * Workload.ZONES.size();
    try (AdsStreams streams =
        new AdsStreams(floor.port(), dataplanes, channels, Markers.of(Workload.BASELINE_HOST))) {
      List<SimStream> all = streams.streams();
      AdsStreams.awaitMarker(deadline, "the floor's first listeners", all);
      samples.put(FLOOR_MESH_WIDE, rounds.floor(floor, true, all, all));
      samples.put(
          FLOOR_ZONE_TARGETED, rounds.floor(floor, false, all, streams.in(Workload.TARGET_ZONE)));
    }
  }
}
