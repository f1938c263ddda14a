package dev.meridian.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import dev.meridian.node.testing.Promtool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZoneMainIT runs the packaged zone against the packaged global, both as child processes. */
class ZoneMainIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void aZoneRestartedWhileTheGlobalIsDownServesItsLocalCopy(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("global"));
    Files.createDirectories(dir.resolve("zone"));
    Files.createDirectories(dir.resolve("empty"));
    try (PackagedGlobal global = PackagedGlobal.start(dir.resolve("global"));
        PackagedZone zone = new PackagedZone(dir.resolve("zone"), "east", global.kdsPort());
        PackagedZone empty = new PackagedZone(dir.resolve("empty"), "west", global.kdsPort())) {
      assertThat(
              global
                  .put("/meshes/default", "type: Mesh\nname: default", "application/yaml")
                  .statusCode())
          .isEqualTo(201);
      zone.start();
      await().atMost(TIMEOUT).until(() -> zone.status("/ready") == 200);
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> assertThat(global.get("/zones/east").body()).contains("\"online\":true"));
      assertThat(zone.metric("kds_connected")).isEqualTo(1);
      assertThat(zone.metric("kds_acks_sent_total")).isPositive();
      promtoolFindsNoProblem(zone.scrape(), dir);

      global.kill();
      // 143: the JVM's exit code after SIGTERM, once the shutdown hook has run
      assertThat(zone.stop()).as(zone.log()).isIn(0, 143);
      assertThat(zone.log()).contains("ZoneNode - stopped");
      zone.start();

      await()
          .atMost(TIMEOUT)
          .untilAsserted(() -> assertThat(zone.status("/ready")).as(zone.log()).isEqualTo(200));
      assertThat(zone.metric("kds_connected")).isZero();
      assertThat(zone.metric("meridian_resources{type=\"Mesh\"}")).isEqualTo(1);
      assertThat(zone.log()).contains("holds 1 resources");

      // A zone with nothing on disk and no global is alive but not ready.
      empty.start();
      await().atMost(TIMEOUT).until(() -> empty.status("/health") == 200);
      assertThat(empty.status("/ready")).isEqualTo(503);
    }
  }

  /** Every meter has help text and a conventional name: {@code promtool check metrics} is clean. */
  private static void promtoolFindsNoProblem(String scrape, Path dir) throws Exception {
    Optional<Path> promtool = Promtool.find();
    if (Promtool.required()) {
      assertThat(promtool)
          .as("promtool on the PATH (" + Promtool.REQUIRE + "=1): apt-get install prometheus")
          .isPresent();
    }
    if (promtool.isEmpty()) {
      return; // reported by the global's diagnostics IT, which uses assumeTrue for the same tool
    }
    Path file = dir.resolve("scrape.txt");
    Files.writeString(file, scrape);
    Process check =
        new ProcessBuilder(List.of(promtool.get().toString(), "check", "metrics"))
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
  }

  @Test
  void aMissingZoneNameStopsStartUpNamingTheSetting(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-jar", System.getProperty("meridian.zone.jar")))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().remove("MERIDIAN_ZONE_NAME");
    Process process = builder.start();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("out.log")))
        .contains("meridian-zone: cannot start, fix these settings:")
        .contains("MERIDIAN_ZONE_NAME is not set");
  }
}
