package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.apply;
import static dev.meridian.e2e.Scenario.applyFile;
import static dev.meridian.e2e.Scenario.example;
import static dev.meridian.e2e.Scenario.global;
import static dev.meridian.e2e.Scenario.register;
import static dev.meridian.e2e.Scenario.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology: one global with the demo's east/west MeshTraces and two zones, {@code east} and {@code
 * west}, each with a {@code web} dataplane and a connected proxy. East's process is paused with
 * SIGSTOP while the global's MeshTraces change twice (west follows meanwhile); after SIGCONT, the
 * same east process (same pid, no restart) converges to the global's newest state and its
 * still-connected proxy gets the newest collector.
 */
@Timeout(180)
class ZonePausedIT {
  @Test
  void pausedZoneConvergesAfterContinue(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global);
        PackagedZone west = zone(dir, "west", global)) {
      applyFile(dir, global, example("global.yaml"));
      register(east, "web-east-1", "web", "10.0.1.10");
      register(west, "web-west-1", "web", "10.0.2.10");
      String demo = Files.readString(example("global.yaml"));

      try (Scenario.Proxy eastProxy = new Scenario.Proxy(east, "web-east-1");
          Scenario.Proxy westProxy = new Scenario.Proxy(west, "web-west-1")) {
        eastProxy.awaitListeners(lds -> assertThat(lds).contains("east.zipkincollector:9411"));
        westProxy.awaitListeners(lds -> assertThat(lds).contains("west.zipkincollector:9411"));

        long pid = east.pid();
        signal("STOP", pid);
        try {
          apply(dir, global, demo.replace(".zipkincollector", "-v2.zipkincollector"));
          apply(dir, global, demo.replace(".zipkincollector", "-v3.zipkincollector"));
          westProxy.awaitListeners(lds -> assertThat(lds).contains("west-v3.zipkincollector:9411"));
        } finally {
          signal("CONT", pid);
        }

        eastProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("east-v3.zipkincollector:9411")
                    .doesNotContain("east.zipkincollector")
                    .doesNotContain("east-v2.zipkincollector"));
        assertThat(east.isAlive()).isTrue();
        assertThat(east.pid()).isEqualTo(pid);
        assertThat(eastProxy.error()).isNull();
      }
    }
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %d", signal, pid).isZero();
  }
}
