package dev.meridian.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.StoredResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Writer is a running {@link DurabilityWriter}. Its stdout goes to a file rather than a pipe: a
   * line is in the file once the writer's write call returned, and reading a file after a SIGKILL
   * cannot race with the JDK closing the pipe of a dead process.
   */
  private record Writer(Process process, Path stdout, Path stderr) {
    static Writer start(Path dataDir, Path stderr) throws IOException {
      Path stdout = Path.of(stderr + ".out");
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  DurabilityWriter.class.getName(),
                  dataDir.toString())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      return new Writer(process, stdout, stderr);
    }

    void awaitAcks(int count) {
      await()
          .atMost(ACK_WAIT)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> lines().size() >= count || !process.isAlive());
      assertThat(process.isAlive()).as("writer is running; its stderr: %s", stderrText()).isTrue();
    }

    /** SIGKILLs the writer mid-stream and returns every acknowledgement it printed. */
    List<String[]> kill() throws Exception {
      process.destroyForcibly();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("writer ended").isTrue();
      assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
      List<String[]> acks = new ArrayList<>();
      List<String> unexpected = new ArrayList<>();
      List<String> lines = lines();
      for (int i = 0; i < lines.size(); i++) {
        String[] ack = lines.get(i).split(" ");
        if (ack.length == 6 && ack[0].equals("ack")) {
          acks.add(ack);
        } else if (i < lines.size() - 1) { // the last line may be cut by the kill
          unexpected.add(lines.get(i));
        }
      }
      assertThat(unexpected).as("writer output that is no acknowledgement").isEmpty();
      return acks;
    }

    /** Complete lines written so far (a line without its newline is not complete). */
    private List<String> lines() throws IOException {
      String text = Files.readString(stdout, StandardCharsets.US_ASCII);
      int end = text.lastIndexOf('\n');
      return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    }

    private String stderrText() {
      try {
        return Files.readString(stderr);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    }
  }
}
