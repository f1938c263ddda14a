package dev.meridian.bench.scale;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster is every process a run starts: the global, the zones, the floor and the replicated
 * global, each in its own directory under {@code dir} (logs and data). Closing it, or the JVM
 * exiting (Ctrl-C), kills them all.
 */
final class Cluster implements AutoCloseable {
  /** The replicated global's split brain resolver delay: as in the project's failover tests. */
  private static final Duration STABLE_AFTER = Duration.ofSeconds(3);

  private final Path dir;
  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<Report.Started> started = new ArrayList<>();
  private final Thread hook = new Thread(this::closeQuietly, "scale-cleanup");

  Cluster(Path dir) {
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  PackagedGlobal global() throws IOException {
    PackagedGlobal global = PackagedGlobal.start(Files.createDirectories(dir.resolve("global")));
    running.add(global);
    started.add(new Report.Started("global", global.pid()));
    return global;
  }

  /**
   * Starts a global of {@code count} replicas, with the same JVM options as {@link #global}, and
   * waits until each is ready.
   */
  List<PackagedGlobal> replicatedGlobal(int count) throws IOException {
    List<PackagedGlobal> replicas =
        PackagedGlobal.startCluster(
            Files.createDirectories(dir.resolve("replicated-global")),
            count,
            STABLE_AFTER,
            List.of());
    for (int i = 0; i < replicas.size(); i++) {
      running.add(replicas.get(i));
      started.add(new Report.Started("global-replica-" + i, replicas.get(i).pid()));
    }
    return replicas;
  }

  /** Stops processes this cluster started before the others, to free their cores. */
  synchronized void stop(List<? extends AutoCloseable> processes) throws Exception {
    for (AutoCloseable process : processes) {
      process.close();
      running.remove(process);
    }
  }

  /** Starts zone {@code name}; {@link PackagedZone#status} tells when it is ready. */
  PackagedZone zone(String name, int globalKdsPort) throws IOException {
    PackagedZone zone =
        new PackagedZone(Files.createDirectories(dir.resolve(name)), name, globalKdsPort);
    running.add(zone);
    zone.start();
    started.add(new Report.Started(name, zone.pid()));
    return zone;
  }

  Floor floor(int dataplanes) throws IOException {
    Floor floor = new Floor(Files.createDirectories(dir.resolve("floor")), dataplanes);
    running.add(floor);
    started.add(new Report.Started("floor", floor.pid()));
    return floor;
  }

  List<Report.Started> started() {
    return List.copyOf(started);
  }

  @Override
  public void close() {
    closeQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already exiting: the hook runs (or ran) closeQuietly.
    }
  }

  private synchronized void closeQuietly() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("scale: stopping a process failed: " + e);
      }
    }
    running.clear();
  }
}
