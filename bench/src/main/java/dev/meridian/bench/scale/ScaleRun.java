package dev.meridian.bench.scale;

import static dev.meridian.bench.scale.Workload.MESH;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/**
 * ScaleRun runs the phases of issue 6 in order, on one thread: start a global, zones east and west
 * and the floor; connect the dataplanes; measure zone memory; mesh-wide and zone-targeted rounds on
 * Meridian, then the same on the floor; global writes; a fresh zone joining. Every timestamp is
 * taken in this JVM.
 */
final class ScaleRun {
  static final String GENERATIONS = "xds_generation_seconds_count";
  static final String JOIN_HOST = Workload.collectorHost("join");

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

  /** Result is the report and the raw samples behind its propagation figures, for the chart. */
  record Result(Report report, Map<String, long[]> samples) {}

  private final Options options;
  private final Deadline deadline;
  private final long startNanos = System.nanoTime();
  private final List<String> problems = new ArrayList<>();

  ScaleRun(Options options) {
    this.options = options;
    this.deadline = new Deadline(options.deadline());
  }

  Result run() throws Exception {
    Instant startedAt = Instant.now();
    List<SimDataplane> dataplanes = Workload.dataplanes(options.dataplanes());
    Map<String, long[]> samples = new LinkedHashMap<>();
    try (Cluster cluster = new Cluster(options.out().resolve("nodes"))) {
      PackagedGlobal global = cluster.global();
      put(global, "/meshes/" + MESH, Workload.mesh(MESH));
      put(
          global,
          meshTracePath(MESH, Workload.MESH_WIDE_POLICY),
          Workload.meshWide(MESH, Workload.MESH_WIDE_POLICY, Workload.BASELINE_HOST));
      Map<String, PackagedZone> zones = new LinkedHashMap<>();
      for (String zone : Workload.ZONES) {
        zones.put(zone, cluster.zone(zone, global.kdsPort()));
      }
      Floor floor = cluster.floor(dataplanes.size());
      for (String zone : Workload.ZONES) {
        deadline.await("zone " + zone + " ready", () -> zones.get(zone).status("/ready") == 200);
      }
      progress("global, zones east and west, and the floor are up");

      Map<String, Long> baselineHeap = new LinkedHashMap<>();
      for (String zone : Workload.ZONES) {
        baselineHeap.put(zone, Heap.usedAfterFullGc(zones.get(zone).pid()));
      }
      Map<String, AdsStreams> zoneStreams = new LinkedHashMap<>();
      Map<String, Report.ZoneMemory> memory = new LinkedHashMap<>();
      Report.Isolation isolation;
      try {
        for (String zone : Workload.ZONES) {
          List<SimDataplane> inZone =
              dataplanes.stream().filter(d -> d.zone().equals(zone)).toList();
          zoneStreams.put(
              zone,
              new AdsStreams(zones.get(zone).xdsPort(), inZone, options.channels(), baseline()));
        }
        List<SimStream> all = new ArrayList<>();
        zoneStreams.values().forEach(s -> all.addAll(s.streams()));
        awaitArrivals("every dataplane's first listeners (baseline MeshTrace)", all);
        progress(all.size() + " dataplanes connected and served");
        for (String zone : Workload.ZONES) {
          memory.put(
              zone,
              new Report.ZoneMemory(
                  zoneStreams.get(zone).streams().size(),
                  baselineHeap.get(zone),
                  Heap.usedAfterFullGc(zones.get(zone).pid())));
        }

        List<SimStream> target = zoneStreams.get(Workload.TARGET_ZONE).streams();
        String otherZone = otherZone();
        List<SimStream> others = zoneStreams.get(otherZone).streams();
        samples.put("Meridian mesh-wide", meshWideRounds(global, all));
        double before = zones.get(otherZone).metric(GENERATIONS);
        samples.put("Meridian zone-targeted", zoneRounds(global, all, target, others));
        isolation =
            new Report.Isolation(
                otherZone, lastOtherResponses, before, zones.get(otherZone).metric(GENERATIONS));
        if (isolation.listenerResponses() != 0) {
          problems.add(
              otherZone
                  + "'s dataplanes received "
                  + isolation.listenerResponses()
                  + " LDS responses for changes targeted at "
                  + Workload.TARGET_ZONE
                  + " (expected: 0)");
        }
      } finally {
        for (AdsStreams s : zoneStreams.values()) {
          s.close();
        }
      }
      floorRounds(floor, dataplanes, samples);
      floor.close();

      Report.Writes writes = globalWrites(global);
      progress(String.format("%d policies written, %.0f/s", writes.policies(), writes.perSecond()));
      Report.Join join = join(cluster, global);
      progress("zone north joined");

      int r = options.rounds();
      Report report =
          new Report(
              startedAt.toString(),
              dataplanes.size(),
              r,
              options.channels(),
              new Report.Machine(
                  Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")),
              Report.Propagation.of(
                  dataplanes.size() * r,
                  samples.get("Meridian mesh-wide"),
                  samples.get("floor mesh-wide")),
              Report.Propagation.of(
                  (int) dataplanes.stream().filter(this::targeted).count() * r,
                  samples.get("Meridian zone-targeted"),
                  samples.get("floor zone-targeted")),
              isolation,
              memory,
              writes,
              join,
              cluster.started(),
              seconds(System.nanoTime() - startNanos),
              List.copyOf(problems));
      return new Result(report, samples);
    }
  }

  private int lastOtherResponses;

  private long[] meshWideRounds(PackagedGlobal global, List<SimStream> all) throws Exception {
    List<long[]> rounds = new ArrayList<>();
    for (int r = 1; r <= options.rounds(); r++) {
      String host = Workload.collectorHost("mesh-" + r);
      AdsStreams.arm(all, Markers.of(host));
      long t0 =
          put(
              global,
              meshTracePath(MESH, Workload.MESH_WIDE_POLICY),
              Workload.meshWide(MESH, Workload.MESH_WIDE_POLICY, host));
      awaitArrivals("mesh-wide round " + r, all);
      rounds.add(AdsStreams.latencies(all, t0));
      progress("mesh-wide round " + r + " reached " + all.size() + " dataplanes");
    }
    return concat(rounds);
  }

  /**
   * Zone-targeted rounds: every stream is armed, so that those of the other zone count what they
   * receive; after the target zone has it all, a settle window gives stray pushes time to show.
   */
  private long[] zoneRounds(
      PackagedGlobal global, List<SimStream> all, List<SimStream> target, List<SimStream> others)
      throws Exception {
    List<long[]> rounds = new ArrayList<>();
    lastOtherResponses = 0;
    for (int r = 1; r <= options.rounds(); r++) {
      String host = Workload.collectorHost("zone-" + r);
      AdsStreams.arm(all, Markers.of(host));
      long t0 = put(global, meshTracePath(MESH, Workload.ZONE_POLICY), Workload.zoneTargeted(host));
      awaitArrivals("zone-targeted round " + r, target);
      rounds.add(AdsStreams.latencies(target, t0));
      // A fixed wait on purpose: it looks for something that should not happen.
      Thread.sleep(options.settle().toMillis());
      lastOtherResponses += AdsStreams.listenerResponses(others);
      progress("zone-targeted round " + r + " reached " + target.size() + " dataplanes");
    }
    return concat(rounds);
  }

  /** The same rounds on the floor: the same dataplanes and policies, only the library serving. */
  private void floorRounds(Floor floor, List<SimDataplane> dataplanes, Map<String, long[]> samples)
      throws Exception {
    int channels = options.channels() * Workload.ZONES.size();
    try (AdsStreams streams = new AdsStreams(floor.port(), dataplanes, channels, baseline())) {
      List<SimStream> all = streams.streams();
      awaitArrivals("the floor's first listeners", all);
      List<SimStream> target = streams.in(Workload.TARGET_ZONE);
      for (boolean meshWide : new boolean[] {true, false}) {
        List<SimStream> affected = meshWide ? all : target;
        List<long[]> rounds = new ArrayList<>();
        for (int r = 1; r <= options.rounds(); r++) {
          String host = Workload.collectorHost("floor-" + (meshWide ? "mesh-" : "zone-") + r);
          floor.prepare(meshWide, host);
          AdsStreams.arm(all, Markers.of(host));
          long t0 = floor.go();
          awaitArrivals("floor round " + r, affected);
          floor.awaitDone();
          rounds.add(AdsStreams.latencies(affected, t0));
        }
        samples.put(meshWide ? "floor mesh-wide" : "floor zone-targeted", concat(rounds));
      }
      progress("floor rounds done");
    }
  }

  /**
   * Writes the join set into a mesh of its own (so east and west regenerate nothing) with a few
   * concurrent clients; the mesh-wide policy that marks the join goes last.
   */
  private Report.Writes globalWrites(PackagedGlobal global) throws Exception {
    String mesh = Workload.JOIN_MESH;
    put(global, "/meshes/" + mesh, Workload.mesh(mesh));
    int count = options.joinPolicies();
    AtomicInteger next = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(options.writers());
    long t0 = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < options.writers(); w++) {
        done.add(
            writers.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count - 1; i = next.getAndIncrement()) {
                    String name = "join-" + i;
                    put(
                        global,
                        meshTracePath(mesh, name),
                        Workload.serviceTargeted(
                            mesh, name, "join-svc-" + i, Workload.collectorHost(name)));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(deadline.remaining().toMillis() + 1, TimeUnit.MILLISECONDS);
      }
    } finally {
      writers.shutdownNow();
    }
    put(global, meshTracePath(mesh, "join-mesh"), Workload.meshWide(mesh, "join-mesh", JOIN_HOST));
    return new Report.Writes(count, options.writers(), seconds(System.nanoTime() - t0));
  }

  /** A fresh zone: from its process start to ready, and to its first dataplane's listener. */
  private Report.Join join(Cluster cluster, PackagedGlobal global) throws Exception {
    long t0 = System.nanoTime();
    PackagedZone north = cluster.zone("north", global.kdsPort());
    deadline.await("zone north ready", () -> north.status("/ready") == 200);
    long ready = System.nanoTime();
    SimDataplane dp = Workload.dataplane("north", Workload.JOIN_MESH, 1, "join-app", "a", "b");
    try (AdsStreams stream =
        new AdsStreams(north.xdsPort(), List.of(dp), 1, Markers.of(JOIN_HOST))) {
      awaitArrivals("zone north's first dataplane", stream.streams());
      long first = stream.streams().get(0).arrivalNanos();
      return new Report.Join(options.joinPolicies(), millis(ready - t0), millis(first - t0));
    }
  }

  private void awaitArrivals(String phase, List<SimStream> streams) throws Exception {
    deadline.await(
        phase + " (" + streams.size() + " dataplanes)",
        () -> {
          for (SimStream s : streams) {
            if (s.error() != null) {
              throw new ScaleFailure(
                  "the stream of "
                      + s.dataplane.nodeId()
                      + " ended during "
                      + phase
                      + ": "
                      + s.error());
            }
          }
          return AdsStreams.allArrived(streams);
        });
  }

  /** PUTs {@code yaml}; returns when its answer arrived, the t0 of a round. */
  private static long put(PackagedGlobal global, String path, String yaml) throws Exception {
    HttpResponse<String> response = global.put(path, yaml, "application/yaml");
    long answered = System.nanoTime();
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new ScaleFailure(
          "PUT " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return answered;
  }

  private boolean targeted(SimDataplane dp) {
    return dp.zone().equals(Workload.TARGET_ZONE);
  }

  private static String otherZone() {
    return Workload.ZONES.stream()
        .filter(z -> !z.equals(Workload.TARGET_ZONE))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] baseline() {
    return Markers.of(Workload.BASELINE_HOST);
  }

  private static String meshTracePath(String mesh, String name) {
    return "/meshes/" + mesh + "/meshtraces/" + name;
  }

  private static long[] concat(List<long[]> rounds) {
    return rounds.stream().flatMapToLong(LongStream::of).toArray();
  }

  private void progress(String message) {
    System.err.printf("[%6.1f s] %s%n", seconds(System.nanoTime() - startNanos), message);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
