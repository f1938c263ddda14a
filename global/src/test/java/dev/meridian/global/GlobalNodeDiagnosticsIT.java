package dev.meridian.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.global.config.GlobalConfig;
import dev.meridian.node.testing.Promtool;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole global node on ephemeral ports: readiness, health, metrics and their help text. */
class GlobalNodeDiagnosticsIT {
  private static final String MESH = "type: Mesh\nname: default\n";

  private final HttpClient client = HttpClient.newHttpClient();
  private final GlobalNode node =
      new GlobalNode(
          GlobalConfig.defaults().withEphemeralPorts(), JournaledResourceStore.inMemory());

  @AfterEach
  void stop() {
    node.close();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String scrapeAfterTraffic() throws Exception {
    node.start();
    send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.apiPort() + "/meshes/default"))
            .PUT(HttpRequest.BodyPublishers.ofString(MESH)));
    get(node.apiPort(), "/meshes/default");
    get(node.apiPort(), "/nowhere");
    HttpResponse<String> metrics = get(node.diagnosticsPort(), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    return metrics.body();
  }

  @Test
  void readyHealthAndIndexAnswerOnceStartedAndNotAfterStop() throws Exception {
    node.start();
    int diagnostics = node.diagnosticsPort();
    assertThat(get(diagnostics, "/ready").statusCode()).isEqualTo(200);
    assertThat(get(diagnostics, "/health").statusCode()).isEqualTo(200);
    assertThat(get(diagnostics, "/").statusCode()).isEqualTo(200);
    assertThat(get(node.apiPort(), "/").statusCode()).isEqualTo(200);
    node.close();
    assertThat(node.isReady()).isFalse();
    try {
      get(diagnostics, "/ready");
      fail("diagnostics still answer after close");
    } catch (ConnectException expected) {
      // stopped: nothing listens any more
    }
  }

  @Test
  void metricsCarryTheNodesMetersWithHelp() throws Exception {
    String scrape = scrapeAfterTraffic();
    assertThat(scrape)
        .contains("# HELP meridian_api_requests_seconds HTTP API requests, by method, route")
        .contains(
            "meridian_api_requests_seconds_count{method=\"PUT\",route=\"/meshes/{mesh}\","
                + "status=\"201\"} 1")
        .contains(
            "meridian_api_requests_seconds_count{method=\"GET\",route=\"unmatched\","
                + "status=\"404\"} 1")
        .contains("# HELP meridian_resources Resources in the store, by type")
        .contains("meridian_resources{type=\"Mesh\"} 1")
        .contains("meridian_resources{type=\"MeshTrace\"} 0")
        .contains("# HELP meridian_store_writes_seconds Store writes")
        .contains("meridian_store_writes_seconds_count{operation=\"put\",outcome=\"ok\"} 1")
        .contains("# HELP jvm_memory_used_bytes")
        .contains("# HELP system_cpus");
    for (String line : scrape.lines().toList()) {
      if (line.startsWith("# TYPE ")) {
        String name = line.split(" ")[2];
        assertThat(scrape).as("help text of " + name).containsPattern("# HELP " + name + " \\S");
      }
    }
  }

  @Test
  void promtoolFindsNoProblemInAScrape(@TempDir Path dir) throws Exception {
    var promtool = Promtool.find();
    if (Promtool.required()) {
      assertThat(promtool)
          .as("promtool on the PATH (" + Promtool.REQUIRE + "=1): apt-get install prometheus")
          .isPresent();
    }
    assumeTrue(promtool.isPresent(), "promtool not installed; apt-get install prometheus");
    Path scrape = dir.resolve("scrape.txt");
    Files.writeString(scrape, scrapeAfterTraffic());
    Process check =
        new ProcessBuilder(List.of(promtool.get().toString(), "check", "metrics"))
            .redirectInput(scrape.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
  }
}
