package dev.meridian.global.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.StoredResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocksDurabilityIT kills a real writer process with SIGKILL in the middle of a stream of writes,
 * three times over the same data dir, and checks after each kill that every write the writer had
 * acknowledged is there, at least at its acknowledged version, with a gap-free log.
 */
class RocksDurabilityIT {
  private static final Duration ACK_WAIT = Duration.ofSeconds(30);

  @TempDir Path work;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyAcknowledgedWriteSurvivesAKill() throws Exception {
    Path dataDir = work.resolve("data");
    Map<ResourceKey, Long> acked = new HashMap<>();
    long lastAcked = 0;
    int round = 0;
    for (int killAfter : new int[] {150, 300, 60}) {
      Writer writer = Writer.start(dataDir, work.resolve("writer-" + ++round + ".err"));
      writer.awaitAcks(killAfter);
      if (round == 1) {
        assertThatThrownBy(() -> RocksJournal.open(dataDir))
            .isInstanceOf(JournalException.class)
            .hasMessageStartingWith(
                "data dir " + dataDir.toAbsolutePath() + " is in use by another Meridian process");
      }
      List<String[]> acks = writer.kill();
      assertThat(acks.size()).as("acks of round %d", round).isGreaterThanOrEqualTo(killAfter);
      for (String[] ack : acks) {
        ResourceKey key = ResourceKey.of(ack[1], ack[2].equals("-") ? "" : ack[2], ack[3]);
        acked.merge(key, Long.parseLong(ack[4]), Math::max);
        lastAcked = Math.max(lastAcked, Long.parseLong(ack[5]));
      }
      checkReopened(dataDir, acked, lastAcked);
    }
  }

  private static void checkReopened(Path dataDir, Map<ResourceKey, Long> acked, long lastAcked) {
    try (JournaledResourceStore store =
        new JournaledResourceStore(RocksJournal.open(dataDir), Clock.systemUTC())) {
      acked.forEach(
          (key, version) ->
              assertThat(store.get(key))
                  .as("%s acknowledged at version %d", key, version)
                  .hasValueSatisfying(
                      s -> assertThat(s.version()).isGreaterThanOrEqualTo(version)));
      // at most the one write in flight at the kill was durable but not acknowledged
      assertThat(store.revision()).isBetween(lastAcked, lastAcked + 1);
      List<Change> replay = new ArrayList<>();
      store.subscribe(0, replay::add);
      assertThat(replay)
          .extracting(Change::revision)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, store.revision()).boxed().toList());
      Map<ResourceKey, Long> writesPerKey = new HashMap<>();
      replay.forEach(c -> writesPerKey.merge(c.key(), 1L, Long::sum));
      for (StoredResource stored : store.snapshot().resources()) {
        assertThat(stored.version())
            .as("version of %s is its number of writes in the log", stored.resource().key())
            .isEqualTo(writesPerKey.get(stored.resource().key()));
      }
    }
  }

  /** Writer is a running {@link DurabilityWriter} and the acknowledgements read from it so far. */
  private record Writer(
      Process process, Thread reader, List<String[]> acks, List<String> unexpected, Path stderr) {
    static Writer start(Path dataDir, Path stderr) throws IOException {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  DurabilityWriter.class.getName(),
                  dataDir.toString())
              .redirectError(stderr.toFile())
              .start();
      List<String[]> acks = new CopyOnWriteArrayList<>();
      List<String> unexpected = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> read(process, acks, unexpected), "durability-writer-stdout");
      reader.setDaemon(true);
      reader.start();
      return new Writer(process, reader, acks, unexpected, stderr);
    }

    void awaitAcks(int count) {
      await()
          .atMost(ACK_WAIT)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> acks.size() >= count || !process.isAlive());
      assertThat(process.isAlive()).as("writer is running; its stderr: %s", stderrText()).isTrue();
    }

    /** SIGKILLs the writer mid-stream and returns every acknowledgement it printed. */
    List<String[]> kill() throws Exception {
      process.destroyForcibly();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("writer ended").isTrue();
      assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
      reader.join(Duration.ofSeconds(10).toMillis());
      assertThat(reader.isAlive()).as("stdout read to its end").isFalse();
      assertThat(unexpected).as("writer output that is no acknowledgement").isEmpty();
      return List.copyOf(acks);
    }

    private String stderrText() {
      try {
        return Files.readString(stderr);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    }

    private static void read(Process process, List<String[]> acks, List<String> unexpected) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] ack = line.split(" ");
          if (ack.length == 6 && ack[0].equals("ack")) {
            acks.add(ack);
          } else {
            unexpected.add(line);
          }
        }
      } catch (IOException e) {
        unexpected.add("stdout failed: " + e);
      }
    }
  }
}
