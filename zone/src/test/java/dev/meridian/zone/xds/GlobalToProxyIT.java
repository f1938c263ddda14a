package dev.meridian.zone.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with real processes: a policy applied on the packaged global reaches a raw ADS
 * client of the packaged zone, for a dataplane registered through the zone's HTTP API, which the
 * global then lists under the zone. With the global killed the zone keeps serving a new client.
 */
@Timeout(180)
class GlobalToProxyIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void policyOnTheGlobalReachesTheProxyAndSurvivesTheGlobal(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("global"));
    Files.createDirectories(dir.resolve("zone"));
    try (PackagedGlobal global = PackagedGlobal.start(dir.resolve("global"));
        PackagedZone east = new PackagedZone(dir.resolve("zone"), "east", global.kdsPort())) {
      assertThat(
              global
                  .put("/meshes/default", "type: Mesh\nname: default", "application/yaml")
                  .statusCode())
          .isEqualTo(201);
      east.start();
      await().atMost(TIMEOUT).until(() -> east.status("/ready") == 200);
      await()
          .atMost(TIMEOUT)
          .until(() -> east.put("/meshes/default/dataplanes/web-1", DATAPLANE).statusCode() == 201);

      assertThat(
              global
                  .put("/meshes/default/meshtraces/trace-east", TRACE_EAST, "application/yaml")
                  .statusCode())
          .isEqualTo(201);

      try (AdsClient proxy = new AdsClient(east.xdsPort(), node())) {
        await()
            .atMost(TIMEOUT)
            .untilAsserted(
                () ->
                    assertThat(proxy.next(AdsClient.LDS).toString())
                        .contains("east.zipkincollector:9411"));
      }
      assertThat(east.get("/meshes/default/dataplanes/web-1/xds").body())
          .contains("east.zipkincollector:9411");
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(global.get("/meshes/default/dataplanes/web-1").body())
                      .contains("\"kuma.io/zone\":\"east\""));

      global.kill();
      try (AdsClient late = new AdsClient(east.xdsPort(), node())) {
        assertThat(late.next(AdsClient.LDS).toString()).contains("east.zipkincollector:9411");
      }
    }
  }

  @Test
  void localityGuardKeepsTracesInTheZone(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("global"));
    Files.createDirectories(dir.resolve("zone"));
    try (PackagedGlobal global = PackagedGlobal.start(dir.resolve("global"));
        PackagedZone east =
            new PackagedZone(
                dir.resolve("zone"),
                "east",
                global.kdsPort(),
                Map.of("MERIDIAN_ALLOWED_COLLECTORS", "east.zipkincollector"))) {
      global.put("/meshes/default", "type: Mesh\nname: default", "application/yaml");
      global.put(
          "/meshes/default/meshtraces/everywhere-west",
          TRACE_EAST
              .replace("trace-east", "everywhere-west")
              .replace("kind: MeshSubset\n    tags:\n      kuma.io/zone: east", "kind: Mesh")
              .replace("east.zipkincollector", "west.zipkincollector"),
          "application/yaml");
      east.start();
      await().atMost(TIMEOUT).until(() -> east.status("/ready") == 200);
      await()
          .atMost(TIMEOUT)
          .until(() -> east.put("/meshes/default/dataplanes/web-1", DATAPLANE).statusCode() == 201);

      try (AdsClient proxy = new AdsClient(east.xdsPort(), node())) {
        await()
            .atMost(TIMEOUT)
            .untilAsserted(
                () ->
                    assertThat(east.get("/meshes/default/dataplanes/web-1/_rules").body())
                        .contains("\"refused\"")
                        .contains("west.zipkincollector"));
        String listeners = proxy.next(AdsClient.LDS).toString();
        assertThat(listeners).contains("inbound:127.0.0.1:18080").doesNotContain("zipkin");
      }
      assertThat(east.get("/meshes/default/dataplanes/web-1/xds").body()).doesNotContain("zipkin");
      assertThat(east.metric("xds_locality_refusals_total{mesh=\"default\"}")).isPositive();
    }
  }

  private static Node node() {
    return Node.newBuilder().setId("default.web-1").build();
  }

  private static final String DATAPLANE =
      """
      type: Dataplane
      name: web-1
      mesh: default
      networking:
        address: 127.0.0.1
        inbound:
        - port: 18080
          servicePort: 8080
          tags: {kuma.io/service: web, kuma.io/protocol: http}
      """;

  private static final String TRACE_EAST =
      """
      type: MeshTrace
      name: trace-east
      mesh: default
      spec:
        targetRef:
          kind: MeshSubset
          tags:
            kuma.io/zone: east
        default:
          backends:
          - zipkin:
              url: http://east.zipkincollector:9411/api/v2/spans
      """;
}
