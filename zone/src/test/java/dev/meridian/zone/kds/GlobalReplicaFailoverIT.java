package dev.meridian.zone.kds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.parse.Json;
import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario 2 with real processes: a zone given the addresses of three global replicas
 * is connected to the writer's replica when that replica is killed; it reconnects to a survivor,
 * converges, and its dataplane's xDS carries the policy written after the kill. The dataplane the
 * zone uploaded stays listed on the survivors, and both show the zone online.
 */
@Timeout(300)
class GlobalReplicaFailoverIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void zoneOfAKilledReplicaReconnectsToASurvivorAndConverges() throws Exception {
    List<PackagedGlobal> replicas =
        PackagedGlobal.startCluster(dir.resolve("global"), 3, Duration.ofSeconds(3));
    try (AutoCloseable stopReplicas = () -> close(replicas)) {
      assertThat(
              replicas
                  .get(0)
                  .put("/meshes/default", "type: Mesh\nname: default", YAML)
                  .statusCode())
          .isEqualTo(201);
      PackagedGlobal writer = replicas.get(writer(replicas));
      List<PackagedGlobal> survivors = new ArrayList<>(replicas);
      survivors.remove(writer);
      List<PackagedGlobal> order = new ArrayList<>(List.of(writer));
      order.addAll(survivors);
      String addresses =
          order.stream().map(g -> "127.0.0.1:" + g.kdsPort()).collect(Collectors.joining(","));

      Files.createDirectories(dir.resolve("zone"));
      try (PackagedZone east =
          new PackagedZone(
              dir.resolve("zone"),
              "east",
              writer.kdsPort(),
              Map.of("MERIDIAN_GLOBAL_ADDRESS", addresses))) {
        east.start();
        await().atMost(TIMEOUT).until(() -> east.status("/ready") == 200);
        await()
            .atMost(TIMEOUT)
            .until(
                () -> east.put("/meshes/default/dataplanes/web-1", DATAPLANE).statusCode() == 201);
        assertThat(
                writer.put("/meshes/default/meshtraces/trace", trace("before"), YAML).statusCode())
            .isEqualTo(201);
        await().atMost(TIMEOUT).until(() -> xds(east).contains("before.zipkin"));
        assertThat(writer.metric("kds_zone_active_connections{zone_name=\"east\"}")).isEqualTo(1);

        writer.kill();
        Instant killed = Instant.now();
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    survivors
                            .get(0)
                            .put("/meshes/default/meshtraces/trace", trace("after"), YAML)
                            .statusCode()
                        == 200);
        await().atMost(TIMEOUT).until(() -> xds(east).contains("after.zipkin"));
        System.out.printf(
            "scenario 2: the zone's xDS carried the policy written after the kill %d ms after"
                + " kill -9 of its replica%n",
            Duration.between(killed, Instant.now()).toMillis());
        assertThat(
                survivors.stream()
                    .filter(g -> metric(g, "kds_zone_active_connections{zone_name=\"east\"}") == 1)
                    .count())
            .as("survivors the zone is connected to")
            .isEqualTo(1);
        for (PackagedGlobal survivor : survivors) {
          await()
              .atMost(TIMEOUT)
              .until(() -> survivor.get("/meshes/default/dataplanes/web-1").statusCode() == 200);
          // both survivors show the zone online, the one it is not connected to included
          await()
              .atMost(TIMEOUT)
              .until(
                  () ->
                      Json.MAPPER
                          .readTree(survivor.get("/zones/east").body())
                          .path("online")
                          .asBoolean());
        }
      }
    }
  }

  private static String xds(PackagedZone zone) throws Exception {
    return zone.get("/meshes/default/dataplanes/web-1/xds").body();
  }

  private static double metric(PackagedGlobal global, String sample) {
    try {
      return global.metric(sample);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int writer(List<PackagedGlobal> replicas) {
    int[] found = {-1};
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              for (int i = 0; i < replicas.size(); i++) {
                if (replicas.get(i).metric("meridian_cluster_writer") == 1) {
                  found[0] = i;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  private static void close(List<PackagedGlobal> replicas) throws InterruptedException {
    for (PackagedGlobal replica : replicas) {
      replica.close();
    }
  }

  private static final String YAML = "application/yaml";

  private static String trace(String collector) {
    return """
        type: MeshTrace
        name: trace
        mesh: default
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
            - zipkin:
                url: http://%s.zipkin:9411/api/v2/spans
        """
        .formatted(collector);
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
}
