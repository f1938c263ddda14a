package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @Test
  void writesEveryFigureWithTheDerivedOnes(@TempDir Path dir) throws IOException {
    Report report =
        new Report(
            "2026-11-22T07:00:00Z",
            4,
            1,
            8,
            new Report.Machine(2, "17"),
            Report.Propagation.of(4, new long[] {4_000_000, 8_000_000}, new long[] {2_000_000}),
            Report.Propagation.of(2, new long[] {6_000_000}, new long[] {3_000_000}),
            new Report.Isolation("west", 0, 10, 10),
            Map.of("east", new Report.ZoneMemory(2, 1_000, 3_000)),
            new Report.Writes(1, 100, 4, 0.5),
            new Report.Writes(3, 100, 4, 2),
            new Report.Join(100, 1_500, 1_750),
            List.of(new Report.Started("global", 42)),
            12.5,
            List.of());
    report.write(dir.resolve("report.json"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.at("/meshWide/received").asInt()).isEqualTo(2);
    assertThat(json.at("/meshWide/meridian/p50Ms").asDouble()).isEqualTo(4.0);
    assertThat(json.at("/meshWide/ratio/max").asDouble()).isEqualTo(4.0);
    assertThat(json.at("/zoneTargeted/ratio/p50").asDouble()).isEqualTo(2.0);
    assertThat(json.at("/zoneMemory/east/bytesPerDataplane").asLong()).isEqualTo(1_000);
    assertThat(json.at("/globalWrites/perSecond").asDouble()).isEqualTo(200.0);
    assertThat(json.at("/replicatedGlobalWrites/replicas").asInt()).isEqualTo(3);
    assertThat(json.at("/replicatedGlobalWrites/perSecond").asDouble()).isEqualTo(50.0);
    assertThat(json.at("/processes/0/pid").asLong()).isEqualTo(42);
    assertThat(json.get("problems")).isEmpty();
  }
}
