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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * ScaleRun runs the phases of issue 6 in order, on one thread: start a global, zones east and west
 * and the floor; connect the dataplanes; zone memory; mesh-wide and zone-targeted rounds on
 * Meridian, then the same on the floor; global writes, standalone and through three replicas; a
 * fresh zone joining. The dataplanes stay connected to the end, so that the zones do not spend the
 * later phases removing them. Every timestamp is taken in this JVM.
 */
final class ScaleRun {
  static final String GENERATIONS = "xds_generation_seconds_count";
  static final String MESH_WIDE = "Meridian mesh-wide";
  static final String ZONE_TARGETED = "Meridian zone-targeted";
  static final String FLOOR_MESH_WIDE = "floor mesh-wide";
  static final String FLOOR_ZONE_TARGETED = "floor zone-targeted";

  /** Replicas of the replicated global whose writes are measured. */
  static final int REPLICAS = 3;

  /** How long after the deadline a run stuck in a call that does not time out is stopped. */
  private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(30);

  /** Options are the run's settings (see {@link ScaleCommand}). */
  record Options(
      int dataplanes,
      int rounds,
      int warmup,
      int joinPolicies,
      int replicatedWrites,
      int channels,
      int writers,
      Duration settle,
      Duration deadline,
      Path out) {}

  /** Result is the report and the raw samples of its propagation figures, by series. */
  record Result(Report report, Map<String, long[]> samples) {}

  private final Options options;
  private final Deadline deadline;
  private final Rounds rounds;
  private final List<SimDataplane> dataplanes;
  private final Map<String, long[]> samples = new LinkedHashMap<>();
  private final Map<String, AdsStreams> streams = new LinkedHashMap<>();

  ScaleRun(Options options) {
    this.options = options;
    this.deadline = new Deadline(options.deadline());
    this.rounds = new Rounds(options.warmup(), options.rounds(), options.settle(), deadline);
    this.dataplanes = Workload.dataplanes(options.dataplanes());
  }

  Result run() throws Exception {
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "scale-watchdog");
              t.setDaemon(true);
              return t;
            });
    Progress.say(
        "starting a global, zones east and west and the floor for "
            + dataplanes.size()
            + " dataplanes; output in "
            + options.out());
    try (Cluster cluster = new Cluster(options.out().resolve("nodes"))) {
      watchdog.schedule(
          () -> {
            Progress.say("the run is stuck past its deadline: stopping every process");
            cluster.close();
          },
          options.deadline().plus(WATCHDOG_GRACE).toMillis(),
          TimeUnit.MILLISECONDS);
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

      Map<String, Report.ZoneMemory> memory = connect(zones);
      Report.Isolation isolation = meridianRounds(global, zones.get(Workload.OTHER_ZONE));
      floorRounds(floor);
      floor.close();
      Join join = new Join(options.joinPolicies(), options.writers(), deadline);
      Report.Writes writes = join.write(List.of(global));
      Progress.say(
          String.format("%d policies written, %.0f/s", writes.policies(), writes.perSecond()));
      Report.Join joined = join.join(cluster, global, zones.values());
      Progress.say("zone north joined");
      Report.Writes replicatedWrites = replicatedWrites(cluster);
      closeStreams();
      // Stopped before the report is made, so that what it says of the processes holds.
      cluster.close();
      return new Result(
          report(
              startedAt,
              memory,
              isolation,
              writes,
              replicatedWrites,
              joined,
              cluster,
              System.nanoTime() - t0),
          samples);
    } finally {
      watchdog.shutdownNow();
      closeStreams();
    }
  }

  /**
   * The same writes through a global of {@value #REPLICAS} replicas of its own (clients spread over
   * them), stopped right after; null when {@code --replicated-writes} is 0.
   */
  private Report.Writes replicatedWrites(Cluster cluster) throws Exception {
    if (options.replicatedWrites() == 0) {
      return null;
    }
    Progress.say("starting a global of " + REPLICAS + " replicas");
    List<PackagedGlobal> replicas = cluster.replicatedGlobal(REPLICAS);
    Report.Writes writes =
        new Join(options.replicatedWrites(), options.writers(), deadline).write(replicas);
    cluster.stop(replicas);
    Progress.say(
        String.format(
            "%d policies written through %d replicas, %.0f/s",
            writes.policies(), REPLICAS, writes.perSecond()));
    return writes;
  }

  /**
   * Connects every dataplane, waits until all are served, and returns each zone's heap without and
   * with them.
   */
  private Map<String, Report.ZoneMemory> connect(Map<String, PackagedZone> zones) throws Exception {
    Map<String, Long> baseline = new LinkedHashMap<>();
    for (String zone : Workload.ZONES) {
      baseline.put(zone, Heap.usedAfterFullGc(zones.get(zone).pid()));
    }
    for (String zone : Workload.ZONES) {
      List<SimDataplane> inZone = dataplanes.stream().filter(d -> d.zone().equals(zone)).toList();
      streams.put(
          zone,
          new AdsStreams(
              zones.get(zone).xdsPort(),
              inZone,
              options.channels(),
              Markers.of(Workload.BASELINE_HOST)));
    }
    AdsStreams.awaitMarker(deadline, "every dataplane's first listeners", all());
    Progress.say(dataplanes.size() + " dataplanes connected and served");
    Map<String, Report.ZoneMemory> memory = new LinkedHashMap<>();
    for (String zone : Workload.ZONES) {
      memory.put(
          zone,
          new Report.ZoneMemory(
              streams.get(zone).streams().size(),
              baseline.get(zone),
              Heap.usedAfterFullGc(zones.get(zone).pid())));
    }
    return memory;
  }

  /** Mesh-wide, then zone-targeted rounds; returns what the latter cost the other zone. */
  private Report.Isolation meridianRounds(PackagedGlobal global, PackagedZone other)
      throws Exception {
    samples.put(MESH_WIDE, rounds.meshWide(global, all()));
    double before = other.metric(GENERATIONS);
    Rounds.ZoneTargeted zoneTargeted =
        rounds.zoneTargeted(
            global,
            all(),
            streams.get(Workload.TARGET_ZONE).streams(),
            streams.get(Workload.OTHER_ZONE).streams());
    samples.put(ZONE_TARGETED, zoneTargeted.latencies());
    return new Report.Isolation(
        Workload.OTHER_ZONE, zoneTargeted.otherResponses(), before, other.metric(GENERATIONS));
  }

  /** The same rounds on the floor: the same dataplanes and policies, only the library serving. */
  private void floorRounds(Floor floor) throws Exception {
    int channels = options.channels() * Workload.ZONES.size();
    try (AdsStreams floorStreams =
        new AdsStreams(floor.port(), dataplanes, channels, Markers.of(Workload.BASELINE_HOST))) {
      List<SimStream> all = floorStreams.streams();
      AdsStreams.awaitMarker(deadline, "the floor's first listeners", all);
      samples.put(FLOOR_MESH_WIDE, rounds.floor(floor, true, all, all));
      samples.put(
          FLOOR_ZONE_TARGETED,
          rounds.floor(floor, false, all, floorStreams.in(Workload.TARGET_ZONE)));
    }
  }

  private Report report(
      Instant startedAt,
      Map<String, Report.ZoneMemory> memory,
      Report.Isolation isolation,
      Report.Writes writes,
      Report.Writes replicatedWrites,
      Report.Join join,
      Cluster cluster,
      long elapsedNanos) {
    List<String> problems = new ArrayList<>();
    if (isolation.responses() != 0) {
      problems.add(
          isolation.zone()
              + "'s dataplanes received "
              + isolation.responses()
              + " xDS responses for changes targeted at "
              + Workload.TARGET_ZONE
              + " (expected: 0)");
    }
    int targeted = memory.get(Workload.TARGET_ZONE).dataplanes();
    return new Report(
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
        memory,
        writes,
        replicatedWrites,
        join,
        cluster.started(),
        elapsedNanos / 1e9,
        problems);
  }

  private List<SimStream> all() {
    List<SimStream> all = new ArrayList<>();
    streams.values().forEach(s -> all.addAll(s.streams()));
    return all;
  }

  private void closeStreams() throws InterruptedException {
    for (AdsStreams s : streams.values()) {
      s.close();
    }
    streams.clear();
  }
}
