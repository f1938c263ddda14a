package dev.meridian.global.kds;

import static dev.meridian.global.kds.Fixtures.mesh;
import static dev.meridian.global.kds.Fixtures.meshTrace;
import static dev.meridian.global.kds.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.global.kds.KdsTestClient.Answer;
import dev.meridian.global.kds.KdsTestClient.ConfigStream;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every KDS meter has help text and the Prometheus names Kuma's dashboards use. */
class KdsMetricsIT {
  @Test
  void metersHaveDescriptionsAndKumaNames() throws Exception {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JournaledResourceStore store = JournaledResourceStore.inMemory();
    put(store, mesh("default"));
    KdsServer server = new KdsServer(store, metrics);
    server.start("127.0.0.1", 0);
    String scrape;
    try (KdsTestClient client = new KdsTestClient(server.port())) {
      ConfigStream east = client.connect("east", Answer.MANUAL);
      await().until(() -> east.pushes.size() == 1);
      east.ack(east.push(0));
      put(store, meshTrace("default", "t", "http://c:9411/x"));
      await().until(() -> east.pushes.size() == 2);
      east.nack(east.push(1), "no", List.of());
      client.upload("east").send(ZoneUpload.newBuilder().setFull(true));
      await().until(() -> server.zones().get("east").orElseThrow().nacks() == 1);
      scrape = metrics.scrape();
    } finally {
      server.close();
      store.close();
    }

    assertThat(metrics.getMeters())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.getId().getDescription()).as(name(m)).isNotBlank());
    assertThat(scrape)
        .contains("kds_zone_active_connections{zone_name=\"east\"}")
        .contains("kds_zone_pending_resources{zone_name=\"east\"}")
        .contains("kds_pushes_total{zone_name=\"east\"} 2.0")
        .contains("kds_acks_total{zone_name=\"east\"} 1.0")
        .contains("kds_nack_total{zone_name=\"east\"} 1.0")
        .contains("kds_push_latency_seconds_count{zone_name=\"east\"}")
        .contains("kds_resources_sync_total{direction=\"global_to_zone\",zone_name=\"east\"} 2.0");
    promtoolAccepts(scrape);
  }

  /** Runs {@code promtool check metrics} where it is installed (CI installs it). */
  private static void promtoolAccepts(String scrape) throws Exception {
    File promtool = new File("/usr/bin/promtool");
    if (!promtool.canExecute()) {
      return;
    }
    Path file = Files.createTempFile("kds-metrics", ".txt");
    Files.writeString(file, scrape);
    Process p =
        new ProcessBuilder(promtool.getPath(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Files.delete(file);
  }

  private static String name(Meter m) {
    return m.getId().getName();
  }
}
