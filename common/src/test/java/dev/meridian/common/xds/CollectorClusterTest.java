package dev.meridian.common.xds;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectorClusterTest {
  @ParameterizedTest
  @CsvSource({
    "10.0.0.1, true",
    "255.255.255.255, true",
    "::1, true",
    "fd00::10:1, true",
    "256.0.0.1, false",
    "10.0.0, false",
    "zipkin, false",
    "jaeger-collector.mesh-observability, false",
    "1.2.3.4.nip.io, false"
  })
  void recognisesIpLiteralsWithoutLookup(String host, boolean ip) {
    assertThat(CollectorAddress.isIp(host)).isEqualTo(ip);
  }

  @Test
  void hostNameIsStrictDnsIpv4Only() {
    Cluster cluster =
        CollectorCluster.build(
            "meshtrace:zipkin", CollectorAddress.fromUrl("http://zipkin.obs:9411/api"), false);

    assertThat(cluster.getType()).isEqualTo(Cluster.DiscoveryType.STRICT_DNS);
    assertThat(cluster.getDnsLookupFamily()).isEqualTo(Cluster.DnsLookupFamily.V4_ONLY);
    assertThat(cluster.getAltStatName()).isEqualTo("meshtrace_zipkin");
    assertThat(cluster.getConnectTimeout().getSeconds()).isEqualTo(5);
    assertThat(cluster.hasTransportSocket()).isFalse();
  }

  @Test
  void ipLiteralIsStatic() {
    Cluster cluster =
        CollectorCluster.build("tracing:dd", CollectorAddress.of("10.9.9.9", 8126), false);

    assertThat(cluster.getType()).isEqualTo(Cluster.DiscoveryType.STATIC);
    assertThat(cluster.getDnsLookupFamily()).isEqualTo(Cluster.DnsLookupFamily.AUTO);
    assertThat(cluster.getAltStatName()).isEqualTo("tracing_dd");
  }

  @Test
  void httpsAddsTlsWithSni() {
    Cluster cluster =
        CollectorCluster.build(
            "meshtrace:zipkin", CollectorAddress.fromUrl("https://c.example.com/spans"), false);

    assertThat(cluster.getTransportSocket().getName()).isEqualTo("envoy.transport_sockets.tls");
    assertThat(cluster.getTransportSocket().getTypedConfig().getTypeUrl())
        .endsWith("UpstreamTlsContext");
    assertThat(cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0))
        .extracting(e -> e.getEndpoint().getAddress().getSocketAddress().getPortValue())
        .isEqualTo(443);
  }

  @Test
  void urlWithoutPortDefaultsByScheme() {
    CollectorAddress http = CollectorAddress.fromUrl("http://zipkin/api/v2/spans");

    assertThat(http.port()).isEqualTo(80);
    assertThat(http.path()).isEqualTo("/api/v2/spans");
    assertThat(http.authority()).isEqualTo("zipkin");
    assertThat(http.tls()).isFalse();
  }

  @Test
  void hostPortAndBracketedIpv6() {
    CollectorAddress otel = CollectorAddress.fromHostPort("[fd00::1]:4317");

    assertThat(otel.host()).isEqualTo("fd00::1");
    assertThat(otel.port()).isEqualTo(4317);
    assertThat(otel.isIp()).isTrue();
  }

  @Test
  void openTelemetryClusterSpeaksHttp2() {
    Cluster cluster =
        CollectorCluster.build(
            "meshtrace:opentelemetry", CollectorAddress.fromHostPort("otel:4317"), true);

    assertThat(cluster.getTypedExtensionProtocolOptionsMap())
        .containsKey("envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
  }
}
