package dev.meridian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Runs {@code deploy/compose.yaml} (global, zones east and west, a Zipkin per zone, Prometheus,
 * Grafana), builds the node images from the packaged jars, and checks the MeshTrace page's
 * east/west example through the zone APIs: each zone's dataplanes get their own zone's collector.
 *
 * <p>Needs a Docker engine and {@code docker compose}; without one the whole class is skipped
 * ({@code disabledWithoutDocker}), which is the case on the build machines. Run it with {@code mvn
 * verify -pl e2e -am -Dit.test=ComposeIT} after {@code mvn package}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeIT {

  private static final int API = 5681;
  private static final int DIAGNOSTICS = 5680;
  private static final List<String> NODES = List.of("global", "zone-east", "zone-west");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // A zone reports /ready only after its first sync has brought something from the global, so the
  // containers are awaited on /health here and /ready is awaited after the global has resources.
  @Container static final ComposeContainer COMPOSE = compose();

  private static ComposeContainer compose() {
    ComposeContainer compose =
        new ComposeContainer(composeFile())
            .withBuild(true)
            .withRemoveVolumes(true)
            .withStartupTimeout(Duration.ofMinutes(5));
    for (String node : NODES) {
      compose =
          compose
              .withExposedService(node, API)
              .withExposedService(
                  node,
                  DIAGNOSTICS,
                  Wait.forHttp("/health")
                      .forPort(DIAGNOSTICS)
                      .forStatusCode(200)
                      .withStartupTimeout(Duration.ofMinutes(3)));
    }
    return compose;
  }

  @Test
  void eastAndWestDataplanesReportToTheirOwnZonesCollector() throws Exception {
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> status("global", DIAGNOSTICS, "/ready") == 200);

    // the MeshTrace page's east/west example, as bin/meridian-demo applies it
    for (JsonNode resource : documents(repoFile("examples/demo/global.yaml"))) {
      String path =
          switch (resource.path("type").asText()) {
            case "Mesh" -> "/meshes/" + resource.path("name").asText();
            case "MeshTrace" ->
                "/meshes/"
                    + resource.path("mesh").asText()
                    + "/meshtraces/"
                    + resource.path("name").asText();
            default -> throw new IllegalStateException("unexpected " + resource);
          };
      HttpResponse<String> put = put("global", path, YAML.writeValueAsString(resource));
      assertThat(put.statusCode()).as("PUT %s: %s", path, put.body()).isIn(200, 201);
    }

    for (String zone : List.of("east", "west")) {
      String node = "zone-" + zone;
      await().atMost(Duration.ofMinutes(2)).until(() -> status(node, DIAGNOSTICS, "/ready") == 200);
      for (String dataplane : List.of("web-" + zone + "-1", "backend-" + zone + "-1")) {
        String body = Files.readString(repoFile("examples/demo/" + dataplane + ".yaml"));
        String path = "/meshes/default/dataplanes/" + dataplane;
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> List.of(200, 201).contains(put(node, path, body).statusCode()));
        String expected = "http://" + zone + ".zipkincollector:9411/api/v2/spans";
        await()
            .atMost(Duration.ofMinutes(1))
            .untilAsserted(
                () -> assertThat(collectors(node, path + "/_rules")).containsExactly(expected));
      }
    }
  }

  private static List<String> collectors(String node, String path) throws Exception {
    HttpResponse<String> response = get(node, API, path);
    List<String> urls = new ArrayList<>();
    if (response.statusCode() != 200) {
      return urls;
    }
    for (JsonNode backend : JSON.readTree(response.body()).path("meshTraceConf").path("backends")) {
      for (JsonNode conf : backend) {
        if (conf.has("url")) {
          urls.add(conf.path("url").asText());
        } else if (conf.has("endpoint")) {
          urls.add(conf.path("endpoint").asText());
        }
      }
    }
    return urls;
  }

  private static int status(String node, int port, String path) {
    try {
      return get(node, port, path).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static HttpResponse<String> get(String node, int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(node, port, path)).timeout(Duration.ofSeconds(5)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> put(String node, String path, String yaml) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(node, API, path))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String node, int port, String path) {
    return URI.create(
        "http://"
            + COMPOSE.getServiceHost(node, port)
            + ":"
            + COMPOSE.getServicePort(node, port)
            + path);
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    return YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll();
  }

  private static File composeFile() {
    String configured = System.getProperty("meridian.compose.file");
    return configured != null ? new File(configured) : repoFile("deploy/compose.yaml").toFile();
  }

  private static Path repoFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(relative))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve(relative);
  }
}
