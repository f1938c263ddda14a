package dev.meridian.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meridian.global.config.ClusterSettings;
import dev.meridian.global.config.GlobalConfig;
import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global node as the one replica of a cluster, opened as {@code meridian-global} opens it: ready
 * once it has its majority (itself), a write replicated through the writer, and the cluster meters
 * on {@code /metrics} with help text, clean under {@code promtool check metrics}. Its cluster host
 * differs from its bind address, as in a container.
 */
@Timeout(120)
class ReplicaDiagnosticsIT {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void clusterMetersHaveHelpAndPassPromtool(@TempDir Path dir) throws Exception {
    int clusterPort = PackagedGlobal.freePort();
    GlobalConfig config =
        new GlobalConfig(
            "127.0.0.1",
            0,
            0,
            0,
            dir,
            1 << 20,
            // The replica listens on 127.0.0.1 and is dialled as localhost: Pekko accepts only
            // messages for the address it advertises, so this forms only if localhost is the one.
            new ClusterSettings(
                List.of("localhost:" + clusterPort),
                "localhost",
                clusterPort,
                1,
                Duration.ofSeconds(3)));
    GlobalNode node = StoreFactory.open(config);
    try {
      node.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> get(node.diagnosticsPort(), "/ready").statusCode() == 200);
      HttpResponse<String> put =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + node.apiPort() + "/meshes/default"))
                  .PUT(HttpRequest.BodyPublishers.ofString("type: Mesh\nname: default\n"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

      String scrape = get(node.diagnosticsPort(), "/metrics").body();

      assertThat(scrape)
          .contains("# HELP meridian_cluster_members Cluster members this replica sees")
          .containsPattern("meridian_cluster_members\\{status=\"up\"} 1(\\.0)?\\n")
          .containsPattern("meridian_cluster_unreachable_members 0(\\.0)?\\n")
          .containsPattern("meridian_cluster_writer 1(\\.0)?\\n")
          .containsPattern("meridian_cluster_replication_seconds_count 1(\\.0)?\\n");
      promtoolCheck(dir.resolve("scrape.txt"), scrape);
    } finally {
      node.close();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void promtoolCheck(Path file, String scrape) throws Exception {
    var promtool = Promtool.find();
    if (Promtool.required()) {
      assertThat(promtool)
          .as("promtool on the PATH (" + Promtool.REQUIRE + "=1): apt-get install prometheus")
          .isPresent();
    }
    assumeTrue(promtool.isPresent(), "promtool not installed; apt-get install prometheus");
    Files.writeString(file, scrape);
    Process check =
        new ProcessBuilder(List.of(promtool.get().toString(), "check", "metrics"))
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
  }
}
