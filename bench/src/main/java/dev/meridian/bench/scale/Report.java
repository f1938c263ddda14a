package dev.meridian.bench.scale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Report is everything one run measured, written as {@code report.json}; {@code problems} lists
 * what the run found wrong (a missed marker, a change the other zone received), empty when none.
 * {@code replicatedGlobalWrites} is null when the run skipped it.
 */
record Report(
    String startedAt,
    int dataplanes,
    int rounds,
    int channelsPerZone,
    Machine machine,
    Propagation meshWide,
    Propagation zoneTargeted,
    Isolation isolation,
    Map<String, ZoneMemory> zoneMemory,
    Writes globalWrites,
    Writes replicatedGlobalWrites,
    Join join,
    List<Started> processes,
    double seconds,
    List<String> problems) {

  record Machine(int cores, String java) {}

  /**
   * Propagation of one kind of change over all rounds: Meridian (from the PUT's answer to each
   * affected dataplane's listener), the floor, and Meridian as multiples of the floor.
   */
  record Propagation(
      int expected,
      int received,
      Distribution meridian,
      Distribution floor,
      Distribution.Ratio ratio) {
    static Propagation of(int expected, long[] meridian, long[] floor) {
      Distribution m = Distribution.of(meridian);
      Distribution f = Distribution.of(floor);
      return new Propagation(expected, meridian.length, m, f, m.over(f));
    }
  }

  /**
   * What the zone-targeted rounds cost the other zone: xDS responses (any type) its dataplanes
   * received, and its {@code xds_generation_seconds_count} before the first and after the last
   * round.
   */
  record Isolation(String zone, int responses, double generationsBefore, double generationsAfter) {}

  /** Used heap after a full GC, without and with the zone's dataplanes. */
  record ZoneMemory(int dataplanes, long baselineBytes, long withDataplanesBytes) {
    @JsonProperty
    public long bytesPerDataplane() {
      return (withDataplanesBytes - baselineBytes) / dataplanes;
    }
  }

  /** Durable writes through a global of {@code replicas} replicas (1: standalone). */
  record Writes(int replicas, int policies, int clients, double seconds) {
    @JsonProperty
    public double perSecond() {
      return policies / seconds;
    }
  }

  /** From the fresh zone's process start: ready ({@code /ready} 200), first listener served. */
  record Join(int policies, double readyMs, double firstListenerMs) {}

  record Started(String name, long pid) {}

  void write(Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }
}
