package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.applyFile;
import static dev.meridian.e2e.Scenario.example;
import static dev.meridian.e2e.Scenario.global;
import static dev.meridian.e2e.Scenario.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology: one global and two zones, {@code east} and {@code west}. The demo's east/west example
 * ({@code examples/demo/global.yaml}: a Mesh and one MeshTrace per zone, selecting by {@code
 * kuma.io/zone}) is applied on the global with meridianctl; the demo's {@code web-east-1} and
 * {@code web-west-1} are registered on their zones' APIs. Each zone's proxy gets its own zone's
 * collector and never the other's.
 */
@Timeout(180)
class EastWestIT {
  @Test
  void eachZoneReportsToItsOwnCollector(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global);
        PackagedZone west = zone(dir, "west", global)) {
      applyFile(dir, global, example("global.yaml"));
      register(east, "web-east-1");
      register(west, "web-west-1");

      try (Scenario.Proxy eastProxy = new Scenario.Proxy(east, "web-east-1");
          Scenario.Proxy westProxy = new Scenario.Proxy(west, "web-west-1")) {
        eastProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("east.zipkincollector:9411")
                    .doesNotContain("west.zipkincollector"));
        westProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("west.zipkincollector:9411")
                    .doesNotContain("east.zipkincollector"));
      }
    }
  }

  /** Registers the demo's dataplane file on the zone's API, once the zone has the mesh. */
  private static void register(PackagedZone zone, String name) throws Exception {
    String dataplane = Files.readString(example(name + ".yaml"));
    org.awaitility.Awaitility.await()
        .atMost(Scenario.TIMEOUT)
        .ignoreExceptions()
        .until(
            () ->
                List.of(200, 201)
                    .contains(
                        zone.put("/meshes/default/dataplanes/" + name, dataplane).statusCode()));
  }
}
