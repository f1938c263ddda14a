package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.applyFile;
import static dev.meridian.e2e.Scenario.awaitFirstListeners;
import static dev.meridian.e2e.Scenario.example;
import static dev.meridian.e2e.Scenario.global;
import static dev.meridian.e2e.Scenario.register;
import static dev.meridian.e2e.Scenario.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology: one global with the demo's east/west MeshTraces and one zone, {@code east}, with a
 * {@code web} dataplane. The global is stopped, then east is stopped and started again on the same
 * data dir while the global stays down: east serves from its local copy, a new proxy gets the east
 * collector although the zone never reached the global since its start.
 */
@Timeout(180)
class ZoneRestartGlobalDownIT {
  @Test
  void restartedZoneServesFromItsLocalCopy(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global)) {
      applyFile(dir, global, example("global.yaml"));
      register(east, "web-east-1", "web", "10.0.1.10");
      awaitFirstListeners(
          east, "web-east-1", lds -> assertThat(lds).contains("east.zipkincollector:9411"));

      global.stop();
      assertThat(east.stop()).as("exit code after SIGTERM").isIn(0, 143);
      east.start();
      await().atMost(Scenario.TIMEOUT).until(() -> east.status("/ready") == 200);
      awaitFirstListeners(
          east,
          "web-east-1",
          lds ->
              assertThat(lds)
                  .contains("east.zipkincollector:9411")
                  .doesNotContain("west.zipkincollector"));
      assertThat(east.isAlive()).isTrue();
    }
  }
}
