package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.TIMEOUT;
import static dev.meridian.e2e.Scenario.apply;
import static dev.meridian.e2e.Scenario.cp;
import static dev.meridian.e2e.Scenario.global;
import static dev.meridian.e2e.Scenario.meridianctl;
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
 * Topology: one global (a Mesh and a mesh-wide MeshTrace) and two zones, {@code east} and {@code
 * west}, each registering a dataplane named {@code web-1} with a different address (10.0.1.10 in
 * east, 10.0.2.10 in west). Each zone serves its own {@code web-1}; the global lists both, each
 * with its zone, and {@code ?zone=} (or {@code meridianctl get dataplane --zone}) picks one.
 */
@Timeout(180)
class SameDataplaneNameIT {
  @Test
  void eachZoneServesItsOwnWeb1(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global);
        PackagedZone west = zone(dir, "west", global)) {
      apply(
          dir,
          global,
          """
          type: Mesh
          name: default
          ---
          type: MeshTrace
          name: everywhere
          mesh: default
          spec:
            targetRef:
              kind: Mesh
            default:
              backends:
                - zipkin:
                    url: http://zipkin.observability:9411/api/v2/spans
          """);
      register(east, "web-1", "web", "10.0.1.10");
      register(west, "web-1", "web", "10.0.2.10");

      try (Scenario.Proxy eastProxy = new Scenario.Proxy(east, "web-1");
          Scenario.Proxy westProxy = new Scenario.Proxy(west, "web-1")) {
        eastProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("10.0.1.10")
                    .contains("zipkin.observability")
                    .doesNotContain("10.0.2.10"));
        westProxy.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("10.0.2.10")
                    .contains("zipkin.observability")
                    .doesNotContain("10.0.1.10"));
      }

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(global.get("/meshes/default/dataplanes").body())
                      .contains("\"total\":2")
                      .contains("\"kuma.io/zone\":\"east\"")
                      .contains("\"kuma.io/zone\":\"west\"")
                      .contains("10.0.1.10")
                      .contains("10.0.2.10"));
      assertThat(global.get("/meshes/default/dataplanes/web-1").statusCode()).isEqualTo(400);
      assertThat(global.get("/meshes/default/dataplanes/web-1?zone=east").body())
          .contains("10.0.1.10")
          .doesNotContain("10.0.2.10");
      Scenario.Result west1 =
          meridianctl(
              dir, "get", "dataplane", "web-1", "--zone", "west", "-o", "yaml", "--cp", cp(global));
      assertThat(west1.exit()).as(west1.err()).isZero();
      assertThat(west1.out()).contains("10.0.2.10").doesNotContain("10.0.1.10");
    }
  }
}
