package dev.meridian.global.cluster;

import static org.awaitility.Awaitility.await;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.global.config.ClusterSettings;
import dev.meridian.node.store.RocksJournal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Replicas starts replicated stores of one cluster in this JVM, each on its own port and dir. */
final class Replicas {
  private Replicas() {}

  static ClusterSettings settings(int port, List<Integer> seedPorts) {
    return new ClusterSettings(
        seedPorts.stream().map(p -> "127.0.0.1:" + p).toList(),
        "127.0.0.1",
        port,
        seedPorts.size(),
        Duration.ofSeconds(3));
  }

  static ReplicatedResourceStore start(ClusterSettings settings, Path dir, Clock clock) {
    return start(settings, dir, clock, Ring.SLOTS, new SimpleMeterRegistry());
  }

  /** A replica whose ring has {@code ringSlots} slots, its meters in {@code registry}. */
  static ReplicatedResourceStore start(
      ClusterSettings settings, Path dir, Clock clock, int ringSlots, MeterRegistry registry) {
    ReplicatedResourceStore store =
        ReplicatedResourceStore.open(
            settings,
            "127.0.0.1",
            dir,
            new JournaledResourceStore(RocksJournal.open(dir), clock),
            ringSlots);
    store.start(registry);
    return store;
  }

  /** {@code count} replicas in {@code dir}/0.., waiting until each sees a majority. */
  static List<ReplicatedResourceStore> startAll(int count, Path dir, Clock clock)
      throws IOException {
    return startAll(count, dir, clock, new SimpleMeterRegistry());
  }

  /**
   * The same with every replica's meters in {@code registry}: the replication timer then counts the
   * majority commits of whichever replica runs the writer.
   */
  static List<ReplicatedResourceStore> startAll(
      int count, Path dir, Clock clock, MeterRegistry registry) throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(freePort());
    }
    List<ReplicatedResourceStore> stores = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      stores.add(
          start(settings(ports.get(i), ports), dir.resolve("r" + i), clock, Ring.SLOTS, registry));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stores.stream().allMatch(ReplicatedResourceStore::reachesMajority));
    return stores;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
