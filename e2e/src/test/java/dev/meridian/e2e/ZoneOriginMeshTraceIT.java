package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.TIMEOUT;
import static dev.meridian.e2e.Scenario.apply;
import static dev.meridian.e2e.Scenario.firstListeners;
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
 * Topology: one global (a Mesh only) and two zones, {@code east} and {@code west}, each with a
 * {@code web} dataplane. A MeshTrace labelled {@code kuma.io/origin: zone} is created on east's
 * API: east's proxy gets its collector, the global lists it as east's ({@code kuma.io/zone: east}),
 * and it never reaches west — not west's proxy, not west's API — even after a later global
 * MeshTrace has reached west (so west has synced past the moment east's trace reached the global).
 */
@Timeout(180)
class ZoneOriginMeshTraceIT {
  private static final String EAST_LOCAL =
      """
      type: MeshTrace
      name: east-local
      mesh: default
      labels:
        kuma.io/origin: zone
      spec:
        targetRef:
          kind: Mesh
        default:
          backends:
            - zipkin:
                url: http://east-local.collector:9411/api/v2/spans
      """;

  private static final String GLOBAL_FOR_WEST =
      """
      type: MeshTrace
      name: trace-west
      mesh: default
      spec:
        targetRef:
          kind: MeshSubset
          tags:
            kuma.io/zone: west
        default:
          backends:
            - zipkin:
                url: http://west.zipkincollector:9411/api/v2/spans
      """;

  @Test
  void zoneOriginTraceStaysInItsZone(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global);
        PackagedZone west = zone(dir, "west", global)) {
      apply(dir, global, "type: Mesh\nname: default\n");
      register(east, "web-east-1", "web", "10.0.1.10");
      register(west, "web-west-1", "web", "10.0.2.10");

      assertThat(east.put("/meshes/default/meshtraces/east-local", EAST_LOCAL).statusCode())
          .isEqualTo(201);
      try (Scenario.Proxy eastProxy = new Scenario.Proxy(east, "web-east-1")) {
        eastProxy.awaitListeners(lds -> assertThat(lds).contains("east-local.collector:9411"));
      }
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(global.get("/meshes/default/meshtraces").body())
                      .contains("\"name\":\"east-local\"")
                      .contains("\"kuma.io/origin\":\"zone\"")
                      .contains("\"kuma.io/zone\":\"east\""));
      assertThat(global.get("/meshes/default/meshtraces/east-local?zone=east").statusCode())
          .isEqualTo(200);

      apply(dir, global, GLOBAL_FOR_WEST);
      try (Scenario.Proxy westProxy = new Scenario.Proxy(west, "web-west-1")) {
        westProxy.awaitListeners(lds -> assertThat(lds).contains("west.zipkincollector:9411"));
        assertThat(westProxy.listeners()).doesNotContain("east-local");
      }
      assertThat(firstListeners(west, "web-west-1")).doesNotContain("east-local");
      assertThat(west.get("/meshes/default/meshtraces").body())
          .contains("trace-west")
          .doesNotContain("east-local");
      assertThat(west.get("/meshes/default/meshtraces/east-local").statusCode()).isEqualTo(404);
    }
  }
}
