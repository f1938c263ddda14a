package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.apply;
import static dev.meridian.e2e.Scenario.applyFile;
import static dev.meridian.e2e.Scenario.awaitFirstListeners;
import static dev.meridian.e2e.Scenario.example;
import static dev.meridian.e2e.Scenario.global;
import static dev.meridian.e2e.Scenario.register;
import static dev.meridian.e2e.Scenario.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology: one global with the demo's east/west MeshTraces and two zones, {@code east} and {@code
 * west}, each with a {@code web} dataplane. The global is stopped (SIGTERM): both zones keep
 * serving, a proxy connecting only now still gets its zone's collector. The global is started again
 * on the same ports and data; a policy change applied after it is back (new collector hosts)
 * reaches the proxies of both zones that stayed connected throughout.
 */
@Timeout(180)
class GlobalDownIT {
  @Test
  void zonesOutliveTheGlobalAndFollowItWhenItReturns(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global);
        PackagedZone west = zone(dir, "west", global)) {
      applyFile(dir, global, example("global.yaml"));
      register(east, "web-east-1", "web", "10.0.1.10");
      register(west, "web-west-1", "web", "10.0.2.10");

      try (Scenario.Proxy eastProxy = new Scenario.Proxy(east, "web-east-1");
          Scenario.Proxy westProxy = new Scenario.Proxy(west, "web-west-1")) {
        eastProxy.awaitListeners(lds -> assertThat(lds).contains("east.zipkincollector:9411"));
        westProxy.awaitListeners(lds -> assertThat(lds).contains("west.zipkincollector:9411"));

        global.stop();
        awaitFirstListeners(
            east, "web-east-1", lds -> assertThat(lds).contains("east.zipkincollector:9411"));
        awaitFirstListeners(
            west, "web-west-1", lds -> assertThat(lds).contains("west.zipkincollector:9411"));

        global.startAgain();
        String moved =
            Files.readString(example("global.yaml"))
                .replace("east.zipkincollector", "east2.zipkincollector")
                .replace("west.zipkincollector", "west2.zipkincollector");
        apply(dir, global, moved);
        eastProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("east2.zipkincollector:9411")
                    .doesNotContain("east.zipkincollector"));
        westProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("west2.zipkincollector:9411")
                    .doesNotContain("west.zipkincollector"));
        assertThat(eastProxy.error()).isNull();
        assertThat(westProxy.error()).isNull();
      }
    }
  }
}
