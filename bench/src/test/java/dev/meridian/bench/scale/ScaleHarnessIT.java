package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ScaleHarnessIT runs {@code bench/scale} small (200 dataplanes, one round, 200 join policies, 100
 * writes through three replicas) on the packaged nodes: it checks that the harness works end to
 * end, not how fast Meridian is.
 */
class ScaleHarnessIT {
  private static final Path OUT = Path.of("target", "scale-it");
  private static int exitCode;
  private static JsonNode report;

  @BeforeAll
  static void run() throws IOException {
    if (Files.exists(OUT)) {
      try (Stream<Path> files = Files.walk(OUT)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    exitCode =
        ScaleCommand.execute(
            "--dataplanes", "200",
            "--rounds", "1",
            "--join-policies", "200",
            "--replicated-writes", "100",
            "--settle", "1s",
            "--deadline", "100s",
            "--out", OUT.toString());
    assertThat(OUT.resolve("report.json"))
        .as("report.json; exit code %d, the harness's output is above", exitCode)
        .exists();
    report = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());
  }

  @Test
  void exitsCleanlyWithNoProblem() {
    assertThat(exitCode).as("exit code; the harness's output is above").isZero();
    assertThat(report.get("problems")).isEmpty();
  }

  @Test
  void reportHasEveryFigure() {
    List<String> figures =
        List.of(
            "/meshWide/meridian/p50Ms",
            "/meshWide/meridian/p99Ms",
            "/meshWide/meridian/maxMs",
            "/meshWide/floor/p50Ms",
            "/meshWide/ratio/p99",
            "/zoneTargeted/meridian/p50Ms",
            "/zoneTargeted/floor/maxMs",
            "/zoneTargeted/ratio/max",
            "/isolation/generationsBefore",
            "/isolation/generationsAfter",
            "/zoneMemory/east/bytesPerDataplane",
            "/zoneMemory/west/bytesPerDataplane",
            "/globalWrites/perSecond",
            "/replicatedGlobalWrites/perSecond",
            "/join/readyMs",
            "/join/firstListenerMs",
            "/seconds");
    for (String figure : figures) {
      assertThat(report.at(figure).isNumber()).as(figure).isTrue();
    }
    assertThat(report.at("/replicatedGlobalWrites/replicas").asInt()).isEqualTo(3);
    assertThat(report.at("/replicatedGlobalWrites/perSecond").asDouble()).isPositive();
  }

  @Test
  void everyDataplaneReceivedEveryRoundAndTheOtherZoneNothing() {
    assertThat(report.at("/meshWide/expected").asInt()).isEqualTo(200);
    assertThat(report.at("/meshWide/received").asInt()).isEqualTo(200);
    assertThat(report.at("/zoneTargeted/expected").asInt()).isEqualTo(100);
    assertThat(report.at("/zoneTargeted/received").asInt()).isEqualTo(100);
    assertThat(report.at("/isolation/zone").asText()).isEqualTo("west");
    assertThat(report.at("/isolation/responses").asInt()).isZero();
  }

  @Test
  void chartIsAPng() throws IOException {
    Path png = OUT.resolve("propagation.png");
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assertThat(Files.readAllBytes(png)).startsWith(magic);
    assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
  }

  @Test
  void everyProcessItStartedIsStopped() {
    assertThat(report.get("processes"))
        .extracting(p -> p.get("name").asText())
        .containsExactly(
            "global",
            "east",
            "west",
            "floor",
            "north",
            "global-replica-0",
            "global-replica-1",
            "global-replica-2");
    for (JsonNode process : report.get("processes")) {
      assertThat(ProcessHandle.of(process.get("pid").asLong()).filter(ProcessHandle::isAlive))
          .as(process.toString())
          .isEmpty();
    }
  }
}
