package dev.meridian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import dev.meridian.zone.xds.AdsClient;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus ({@code /usr/bin/prometheus}, Debian package {@code prometheus}) scrapes, every
 * second, the diagnostics ports of one packaged global and two packaged zones, {@code east} and
 * {@code west}, connected to it by KDS. The test starts Prometheus as a child process on a free
 * port of 127.0.0.1 with a generated config and its storage in a temp dir, and reads back through
 * its HTTP query API: {@code up} is 1 for all three targets, the global's {@code
 * kds_zone_active_connections} is 1 for both zones, and after a raw ADS client connected to {@code
 * east} for its dataplane, east's {@code xds_requests_received_total} is positive. Without the
 * binary the test is skipped, unless {@code MERIDIAN_REQUIRE_PROMTOOL=1} (CI), where it fails.
 */
@Timeout(180)
class PrometheusIT {
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void prometheusScrapesTheGlobalAndTwoZones(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(PROMETHEUS)) {
      if ("1".equals(System.getenv("MERIDIAN_REQUIRE_PROMTOOL"))) {
        fail(
            PROMETHEUS + " is missing and MERIDIAN_REQUIRE_PROMTOOL=1: apt-get install prometheus");
      }
      assumeTrue(false, PROMETHEUS + " is missing (apt-get install prometheus)");
    }
    for (String sub : List.of("global", "east", "west", "prometheus")) {
      Files.createDirectories(dir.resolve(sub));
    }
    try (PackagedGlobal global = PackagedGlobal.start(dir.resolve("global"));
        PackagedZone east = new PackagedZone(dir.resolve("east"), "east", global.kdsPort());
        PackagedZone west = new PackagedZone(dir.resolve("west"), "west", global.kdsPort())) {
      assertThat(
              global
                  .put("/meshes/default", "type: Mesh\nname: default\n", "application/yaml")
                  .statusCode())
          .isEqualTo(201);
      east.start();
      west.start();
      await().atMost(TIMEOUT).until(() -> east.status("/ready") == 200);
      await().atMost(TIMEOUT).until(() -> west.status("/ready") == 200);

      Map<String, URI> targets = new TreeMap<>();
      targets.put("global", global.diagnostics("/"));
      targets.put("east", east.diagnostics("/"));
      targets.put("west", west.diagnostics("/"));
      int port = PackagedGlobal.freePort();
      Process prometheus = startPrometheus(dir.resolve("prometheus"), port, targets);
      try {
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  assertThat(prometheus.isAlive()).as("prometheus running").isTrue();
                  assertThat(query(port, "up"))
                      .isEqualTo(Map.of("global", 1.0, "east", 1.0, "west", 1.0));
                });

        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .untilAsserted(
                () ->
                    assertThat(query(port, "kds_zone_active_connections", "zone_name"))
                        .isEqualTo(Map.of("east", 1.0, "west", 1.0)));

        await()
            .atMost(TIMEOUT)
            .until(
                () -> east.put("/meshes/default/dataplanes/web-1", DATAPLANE).statusCode() == 201);
        try (AdsClient proxy =
            new AdsClient(east.xdsPort(), Node.newBuilder().setId("default.web-1").build())) {
          proxy.next(AdsClient.LDS);
          await()
              .atMost(TIMEOUT)
              .pollInterval(Duration.ofMillis(500))
              .ignoreExceptions()
              .untilAsserted(
                  () ->
                      assertThat(
                              query(
                                  port,
                                  "sum by (target) (xds_requests_received_total{target=\"east\"})"))
                          .containsOnlyKeys("east")
                          .hasEntrySatisfying("east", v -> assertThat(v).isPositive()));
        }
      } finally {
        prometheus.destroy();
        if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly();
          prometheus.waitFor(10, TimeUnit.SECONDS);
        }
      }
      assertThat(prometheus.isAlive()).as("prometheus stopped").isFalse();
    }
  }

  /** Prometheus on 127.0.0.1:{@code port}, scraping every target each second, labelled target. */
  private static Process startPrometheus(Path dir, int port, Map<String, URI> targets)
      throws Exception {
    StringBuilder config =
        new StringBuilder(
            """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
            - job_name: meridian
              metrics_path: /metrics
              static_configs:
            """);
    targets.forEach(
        (name, uri) ->
            config
                .append("  - targets: ['127.0.0.1:")
                .append(uri.getPort())
                .append("']\n    labels: {target: ")
                .append(name)
                .append("}\n"));
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);
    Files.createDirectories(dir.resolve("data"));
    return new ProcessBuilder(
            List.of(
                PROMETHEUS.toString(),
                "--config.file=" + file,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port))
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
  }

  private static Map<String, Double> query(int port, String promql) throws Exception {
    return query(port, promql, "target");
  }

  /** The instant vector of {@code promql}, by the value of {@code label}. */
  private static Map<String, Double> query(int port, String promql, String label) throws Exception {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("success");
    Map<String, Double> out = new TreeMap<>();
    for (JsonNode sample : body.get("data").get("result")) {
      out.put(
          sample.get("metric").path(label).asText(),
          Double.parseDouble(sample.get("value").get(1).asText()));
    }
    return out;
  }
}
