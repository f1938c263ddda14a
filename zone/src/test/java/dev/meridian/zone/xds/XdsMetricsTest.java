package dev.meridian.zone.xds;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** XdsMetricsTest checks the names Prometheus scrapes and that every meter has help text. */
class XdsMetricsTest {
  @Test
  void exportsEveryMeterWithItsPrometheusNameAndHelp() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    XdsMetrics metrics = new XdsMetrics(registry);
    metrics.streamOpened();
    metrics.request(AdsClient.LDS, true);
    metrics.request(AdsClient.LDS, false);
    metrics.generation.record(Duration.ofMillis(1));
    metrics.generationErrors.increment();
    metrics.delivery.record(Duration.ofMillis(2));
    metrics.localityRefusal("default");

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains(
            "xds_streams_active 1.0",
            "xds_requests_received_total{confirmation=\"ACK\",type_url=\""
                + AdsClient.LDS
                + "\"} 1",
            "xds_requests_received_total{confirmation=\"NACK\",type_url=\""
                + AdsClient.LDS
                + "\"} 1",
            "xds_generation_seconds_count 1",
            "xds_generation_errors_total 1",
            "xds_delivery_seconds_count 1",
            "xds_locality_refusals_total{mesh=\"default\"} 1");
    for (String name :
        new String[] {
          "xds_streams_active",
          "xds_requests_received_total",
          "xds_generation_seconds",
          "xds_generation_errors_total",
          "xds_delivery_seconds",
          "xds_locality_refusals_total"
        }) {
      assertThat(scrape).containsPattern("# HELP " + name + " \\S");
    }
  }
}
