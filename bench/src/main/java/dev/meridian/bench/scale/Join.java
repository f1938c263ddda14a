package dev.meridian.bench.scale;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Join fills the global with the join set, timing the writes, then starts a fresh zone against it.
 * The set lives in a mesh of its own, {@link Workload#JOIN_MESH}, so east and west regenerate
 * nothing for it.
 */
final class Join {
  static final String HOST = Workload.collectorHost("join");

  /** The join set's mesh-wide MeshTrace, written last. */
  private static final String LAST = "join-mesh";

  private final int policies;
  private final int writers;
  private final Deadline deadline;

  Join(int policies, int writers, Deadline deadline) {
    this.policies = policies;
    this.writers = writers;
    this.deadline = deadline;
  }

  /**
   * PUTs {@code policies} MeshTraces, each on a service of its own, through {@code writers}
   * concurrent clients, each PUT to the next of {@code replicas} in turn (one for a standalone
   * global); the last, mesh-wide, marks the joining zone's first listener.
   */
  Report.Writes write(List<PackagedGlobal> replicas) throws Exception {
    String mesh = Workload.JOIN_MESH;
    PackagedGlobal first = replicas.get(0);
    // Ready is not yet writable: a replicated global's writer may still be starting.
    deadline.await(
        "the global taking writes",
        () ->
            first.put("/meshes/" + mesh, Workload.mesh(mesh), "application/yaml").statusCode() / 100
                == 2);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < policies - 1;
                      i = next.getAndIncrement()) {
                    String name = "join-" + i;
                    GlobalApi.putMeshTrace(
                        replicas.get(i % replicas.size()),
                        mesh,
                        name,
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
      pool.shutdownNow();
    }
    GlobalApi.putMeshTrace(first, mesh, LAST, Workload.meshWide(mesh, LAST, HOST));
    return new Report.Writes(replicas.size(), policies, writers, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Starts zone {@code north}: times its process start to {@code /ready}, then opens one
   * dataplane's stream and times its first listener with the join set's marker. It starts once the
   * zones already there hold the join set, so that their sync does not share the global with it.
   */
  Report.Join join(Cluster cluster, PackagedGlobal global, Collection<PackagedZone> zones)
      throws Exception {
    String last = "/meshes/" + Workload.JOIN_MESH + "/meshtraces/" + LAST;
    for (PackagedZone zone : zones) {
      deadline.await(
          "the zones holding the join set before north starts",
          () -> zone.get(last).statusCode() == 200);
    }
    long t0 = System.nanoTime();
    PackagedZone north = cluster.zone("north", global.kdsPort());
    deadline.await("zone north ready", () -> north.status("/ready") == 200);
    long ready = System.nanoTime();
    SimDataplane dp = Workload.dataplane("north", Workload.JOIN_MESH, 1, "join-app", "a", "b");
    try (AdsStreams stream = new AdsStreams(north.xdsPort(), List.of(dp), 1, Markers.of(HOST))) {
      AdsStreams.awaitMarker(deadline, "zone north's first dataplane", stream.streams());
      long first = stream.streams().get(0).arrivalNanos();
      return new Report.Join(policies, (ready - t0) / 1e6, (first - t0) / 1e6);
    }
  }
}
