package dev.meridian.node.store;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * DurableWriteRate measures sequential durable puts through {@link JournaledResourceStore} over
 * {@link RocksJournal}: each returns only after its write batch is synced. It prints a figure and
 * asserts nothing. Arguments: a data dir (a fresh one is made under it) and a count (2000).
 */
public final class DurableWriteRate {
  private DurableWriteRate() {}

  public static void main(String[] args) throws Exception {
    Path parent = Path.of(args.length > 0 ? args[0] : "target");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path dir = Files.createTempDirectory(Files.createDirectories(parent), "write-rate-");
    long[] nanos = new long[count];
    long start = System.nanoTime();
    try (ResourceStore store =
        new JournaledResourceStore(RocksJournal.open(dir), Clock.systemUTC())) {
      store.put(DurabilityWriter.mesh(), ResourceStore.ANY);
      for (int i = 0; i < count; i++) {
        long t = System.nanoTime();
        store.put(DurabilityWriter.trace("t" + i), ResourceStore.ABSENT);
        nanos[i] = System.nanoTime() - t;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%d durable puts in %.2f s: %.0f writes/s; latency p50 %.2f ms, p99 %.2f ms (data dir %s)%n",
        count,
        seconds,
        count / seconds,
        nanos[count / 2] / 1e6,
        nanos[count * 99 / 100] / 1e6,
        dir);
  }
}
