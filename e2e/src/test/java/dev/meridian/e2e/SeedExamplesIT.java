package dev.meridian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Any;
import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import dev.meridian.zone.xds.AdsClient;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.trace.v3.DatadogConfig;
import io.envoyproxy.envoy.config.trace.v3.ZipkinConfig;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every whole-resource YAML example of the seed pages ({@code common/src/test/resources/seeds},
 * Kubernetes and Universal forms) applied on ONE packaged global, and what a raw ADS client of ONE
 * packaged zone {@code east} then receives for ONE dataplane {@code web-1} ({@code kuma.io/service:
 * web}, http), registered through the zone's API. The examples conflict (the same {@code default}
 * Mesh and MeshTrace in several variants), so they run one after another in file order: before
 * each, the traces of the previous one are deleted and the listeners are awaited without tracing;
 * then the example is PUT (a Mesh example with a test TrafficTrace that names no backend, so the
 * Mesh's {@code defaultBackend} is used; a TrafficTrace example after the Universal Mesh of its
 * page that defines the backend it names; a MeshTrace after a plain Mesh) and the listeners must
 * carry exactly the example's provider (zipkin or datadog) and collector host. The page's {@code
 * kuma.io/zome} typo examples must select nothing: the policy reaches the zone, and no listener
 * traces; so must seed 002's Kuma 0.x TrafficTraces, whose {@code service: '*'} selector names the
 * tag that is {@code kuma.io/service} today. Seed 003's four Configuration fragments are not whole
 * resources and are skipped.
 */
@Timeout(180)
class SeedExamplesIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path SEEDS =
      Path.of(System.getProperty("user.dir"), "..", "common", "src", "test", "resources", "seeds")
          .normalize();

  /** Seed 003's Configuration snippets: bare {@code sampling:}, {@code tags:}, backends. */
  private static final Set<String> FRAGMENTS =
      Set.of("003-1.yaml", "003-2.yaml", "003-3.yaml", "003-4.yaml");

  /** The Universal Mesh of each page that defines the backends its TrafficTraces name. */
  private static final Map<String, String> MESH_OF_PAGE =
      Map.of("000", "000-2.yaml", "002", "002-1.yaml", "004", "004-2.yaml");

  private static final String PLAIN_MESH = "type: Mesh\nname: default\n";

  /** Selects every dataplane and names no backend: the Mesh's defaultBackend. */
  private static final String TRACE_DEFAULT_BACKEND =
      """
      type: TrafficTrace
      name: e2e-default-backend
      mesh: default
      selectors:
      - match:
          kuma.io/service: '*'
      """;

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
  void everySeedExampleReachesTheProxyAsWritten(@TempDir Path dir) throws Exception {
    List<Path> examples = examples();
    assertThat(examples).as("whole-resource seed examples").hasSize(28);
    Files.createDirectories(dir.resolve("global"));
    Files.createDirectories(dir.resolve("zone"));
    try (PackagedGlobal global = PackagedGlobal.start(dir.resolve("global"));
        PackagedZone east = new PackagedZone(dir.resolve("zone"), "east", global.kdsPort())) {
      assertThat(put(global, "/meshes/default", PLAIN_MESH)).isEqualTo(201);
      east.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> east.status("/ready") == 200);
      await()
          .atMost(TIMEOUT)
          .until(() -> east.put("/meshes/default/dataplanes/web-1", DATAPLANE).statusCode() == 201);

      List<String> applied = new ArrayList<>();
      Map<String, String> outcomes = new HashMap<>();
      for (Path example : examples) {
        String file = example.getFileName().toString();
        reset(global, applied);
        awaitTraced(east, file + ": before", Set.of());

        JsonNode doc = YAML.readTree(Files.readString(example));
        String kind = kind(doc);
        String expected;
        switch (kind) {
          case "Mesh" -> {
            assertThat(put(global, "/meshes/default", Files.readString(example)))
                .as(file)
                .isIn(200, 201);
            applied.add(policyPath(global, "traffic-traces", TRACE_DEFAULT_BACKEND, file));
            expected = meshBackend(doc);
          }
          case "TrafficTrace" -> {
            Path mesh = SEEDS.resolve(MESH_OF_PAGE.get(file.substring(0, 3)));
            assertThat(put(global, "/meshes/default", Files.readString(mesh)))
                .as(file)
                .isIn(200, 201);
            applied.add(policyPath(global, "traffic-traces", Files.readString(example), file));
            expected =
                kuma0xServiceTag(doc) ? null : meshBackend(YAML.readTree(Files.readString(mesh)));
          }
          case "MeshTrace" -> {
            assertThat(put(global, "/meshes/default", PLAIN_MESH)).as(file).isIn(200, 201);
            applied.add(policyPath(global, "meshtraces", Files.readString(example), file));
            expected = zomeTypo(doc) ? null : meshTraceBackend(doc);
          }
          default -> throw new AssertionError(file + ": unexpected kind " + kind);
        }
        if (expected == null) {
          // The policy reaches the zone, and selects nothing there.
          String path = applied.get(applied.size() - 1);
          await().atMost(TIMEOUT).until(() -> east.get(path).statusCode() == 200);
          await()
              .during(Duration.ofSeconds(2))
              .atMost(TIMEOUT)
              .pollInterval(Duration.ofMillis(250))
              .untilAsserted(() -> assertThat(traced(east)).as(file).isEmpty());
          outcomes.put(file, "nothing");
        } else {
          awaitTraced(east, file, Set.of(expected));
          outcomes.put(file, expected);
        }
      }
      assertThat(outcomes).hasSize(examples.size());
    }
  }

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(SEEDS)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !FRAGMENTS.contains(f.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  /** PUTs the policy {@code body} under its own name and mesh default; returns its API path. */
  private static String policyPath(
      PackagedGlobal global, String collection, String body, String file) throws Exception {
    String path = "/meshes/default/" + collection + "/" + name(YAML.readTree(body));
    var response = global.put(path, body, "application/yaml");
    assertThat(response.statusCode())
        .as("%s: PUT %s: %s", file, path, response.body())
        .isEqualTo(201);
    return path;
  }

  private static int put(PackagedGlobal global, String path, String body) throws Exception {
    var response = global.put(path, body, "application/yaml");
    assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isLessThan(300);
    return response.statusCode();
  }

  private static void reset(PackagedGlobal global, List<String> applied) throws Exception {
    for (String path : applied) {
      assertThat(global.delete(path).statusCode()).as("DELETE %s", path).isEqualTo(200);
    }
    applied.clear();
  }

  private static void awaitTraced(PackagedZone east, String what, Set<String> expected) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(traced(east)).as(what).isEqualTo(expected));
  }

  /**
   * What a fresh ADS client of web-1 receives: every distinct {@code provider@collector host} of
   * the tracing of its listeners' HTTP connection managers (datadog's host from its collector
   * cluster).
   */
  private static Set<String> traced(PackagedZone east) throws Exception {
    try (AdsClient proxy =
        new AdsClient(east.xdsPort(), Node.newBuilder().setId("default.web-1").build())) {
      List<Any> listeners = proxy.next(AdsClient.LDS).getResourcesList();
      List<Any> clusters = proxy.next(AdsClient.CDS).getResourcesList();
      Map<String, Cluster> byName = new HashMap<>();
      for (Any any : clusters) {
        Cluster cluster = any.unpack(Cluster.class);
        byName.put(cluster.getName(), cluster);
      }
      Set<String> out = new TreeSet<>();
      for (Any any : listeners) {
        for (FilterChain chain : any.unpack(Listener.class).getFilterChainsList()) {
          for (Filter filter : chain.getFiltersList()) {
            if (!filter.getTypedConfig().is(HttpConnectionManager.class)) {
              continue;
            }
            HttpConnectionManager hcm = filter.getTypedConfig().unpack(HttpConnectionManager.class);
            if (!hcm.hasTracing()) {
              continue;
            }
            var provider = hcm.getTracing().getProvider();
            Any config = provider.getTypedConfig();
            if (config.is(ZipkinConfig.class)) {
              String authority = config.unpack(ZipkinConfig.class).getCollectorHostname();
              out.add("zipkin@" + URI.create("http://" + authority).getHost());
            } else if (config.is(DatadogConfig.class)) {
              String cluster = config.unpack(DatadogConfig.class).getCollectorCluster();
              assertThat(byName).as("datadog collector cluster").containsKey(cluster);
              String host =
                  byName
                      .get(cluster)
                      .getLoadAssignment()
                      .getEndpoints(0)
                      .getLbEndpoints(0)
                      .getEndpoint()
                      .getAddress()
                      .getSocketAddress()
                      .getAddress();
              out.add("datadog@" + host);
            } else {
              out.add(provider.getName());
            }
          }
        }
      }
      return out;
    }
  }

  private static String kind(JsonNode doc) {
    return doc.has("kind") ? doc.get("kind").asText() : doc.get("type").asText();
  }

  private static String name(JsonNode doc) {
    return doc.has("metadata")
        ? doc.get("metadata").get("name").asText()
        : doc.get("name").asText();
  }

  private static JsonNode spec(JsonNode doc) {
    return doc.has("spec") ? doc.get("spec") : doc;
  }

  /** {@code provider@host} of the Mesh's defaultBackend, in any of the three backend forms. */
  private static String meshBackend(JsonNode mesh) {
    JsonNode tracing = spec(mesh).get("tracing");
    String name = tracing.get("defaultBackend").asText();
    for (JsonNode backend : tracing.get("backends")) {
      if (!backend.get("name").asText().equals(name)) {
        continue;
      }
      if (backend.has("zipkin")) { // Kuma 0.x: {name, sampling, zipkin: {url}}
        return "zipkin@" + URI.create(backend.get("zipkin").get("url").asText()).getHost();
      }
      JsonNode conf = backend.get("conf");
      return switch (backend.get("type").asText()) {
        case "zipkin" -> "zipkin@" + URI.create(conf.get("url").asText()).getHost();
        case "datadog" -> "datadog@" + conf.get("address").asText();
        default -> throw new AssertionError("backend type " + backend.get("type"));
      };
    }
    throw new AssertionError("no backend " + name);
  }

  /** {@code provider@host} of the MeshTrace's first backend. */
  private static String meshTraceBackend(JsonNode trace) {
    JsonNode backend = spec(trace).get("default").get("backends").get(0);
    String provider = backend.fieldNames().next();
    return provider + "@" + URI.create(backend.get(provider).get("url").asText()).getHost();
  }

  /**
   * Seed 002 (Kuma 0.x) selects {@code service: '*'}: the tag was renamed {@code kuma.io/service}
   * since, so on today's dataplanes (web-1 has no {@code service} tag) the selector matches
   * nothing.
   */
  private static boolean kuma0xServiceTag(JsonNode trace) {
    for (JsonNode selector : spec(trace).get("selectors")) {
      if (selector.get("match").has("service")) {
        return true;
      }
    }
    return false;
  }

  private static boolean zomeTypo(JsonNode trace) {
    JsonNode tags = spec(trace).get("targetRef").get("tags");
    return tags != null && tags.has("kuma.io/zome");
  }
}
