package dev.meridian.zone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneConfigTest {
  @Test
  void defaultsNeedOnlyAZoneName() throws ConfigException {
    ZoneConfig config = ZoneConfig.load(null, Map.of("MERIDIAN_ZONE_NAME", "east"));

    assertThat(config)
        .isEqualTo(
            new ZoneConfig(
                "east",
                List.of(new HostPort("127.0.0.1", 5685)),
                "127.0.0.1",
                5681,
                5680,
                5678,
                Path.of("data", "zone-east"),
                1L << 20,
                Duration.ofSeconds(30),
                List.of()));
  }

  @Test
  void missingZoneNameIsNamed() {
    assertThatThrownBy(() -> ZoneConfig.load(null, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MERIDIAN_ZONE_NAME is not set")
        .hasMessageContaining("MERIDIAN_ZONE_NAME=east");
  }

  @Test
  void zoneNameMustBeADnsLabel() {
    assertThatThrownBy(() -> ZoneConfig.load(null, Map.of("MERIDIAN_ZONE_NAME", "East_1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("MERIDIAN_ZONE_NAME: \"East_1\" is not a zone name (a DNS label");
  }

  @Test
  void everySettingFromTheEnvironment() throws ConfigException {
    ZoneConfig config =
        ZoneConfig.load(
            null,
            Map.of(
                "MERIDIAN_ZONE_NAME", "west",
                "MERIDIAN_GLOBAL_ADDRESS", "[::1]:6685",
                "MERIDIAN_XDS_PORT", "6678",
                "MERIDIAN_DATA_DIR", "/var/lib/zone",
                "MERIDIAN_XDS_GRACE_PERIOD", "500ms",
                "MERIDIAN_ALLOWED_COLLECTORS", "collector.west, 10.0.0.7"));

    assertThat(config.globalAddresses()).containsExactly(new HostPort("::1", 6685));
    assertThat(config.globalAddresses().get(0)).hasToString("[::1]:6685");
    assertThat(config.xdsPort()).isEqualTo(6678);
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/zone"));
    assertThat(config.xdsGracePeriod()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.allowedCollectors()).containsExactly("collector.west", "10.0.0.7");
  }

  @Test
  void severalGlobalAddressesAreTheReplicasOfOneGlobal() throws ConfigException {
    ZoneConfig config =
        ZoneConfig.load(
            null,
            Map.of(
                "MERIDIAN_ZONE_NAME", "east",
                "MERIDIAN_GLOBAL_ADDRESS", "10.0.0.1:5685, global-2.example:5685,[::1]:5685"));

    assertThat(config.globalAddresses())
        .containsExactly(
            new HostPort("10.0.0.1", 5685),
            new HostPort("global-2.example", 5685),
            new HostPort("::1", 5685));
    assertThatThrownBy(
            () ->
                ZoneConfig.load(
                    null,
                    Map.of(
                        "MERIDIAN_ZONE_NAME", "east",
                        "MERIDIAN_GLOBAL_ADDRESS", "10.0.0.1:5685,10.0.0.2")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "MERIDIAN_GLOBAL_ADDRESS: \"10.0.0.1:5685,10.0.0.2\" is not a"
                            + " comma-separated list of host:port (entry 2 \"10.0.0.2\" is not"
                            + " host:port; e.g. 10.0.0.1:5685,10.0.0.2:5685)"));
  }

  @Test
  void environmentWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("zone.yaml");
    Files.writeString(file, "zoneName: east\nxdsPort: 7001\nxdsGracePeriod: PT1M\n");

    ZoneConfig config = ZoneConfig.load(file, Map.of("MERIDIAN_XDS_PORT", "7002"));

    assertThat(config.zoneName()).isEqualTo("east");
    assertThat(config.xdsPort()).isEqualTo(7002);
    assertThat(config.xdsGracePeriod()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void everyBadValueIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                ZoneConfig.load(
                    null,
                    Map.of(
                        "MERIDIAN_ZONE_NAME", "east",
                        "MERIDIAN_GLOBAL_ADDRESS", "global.example",
                        "MERIDIAN_XDS_GRACE_PERIOD", "30 seconds",
                        "MERIDIAN_ALLOWED_COLLECTORS", "collector.east,,bad host")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "MERIDIAN_GLOBAL_ADDRESS: \"global.example\" is not host:port (e.g."
                            + " 127.0.0.1:5685 or [::1]:5685)",
                        "MERIDIAN_XDS_GRACE_PERIOD: \"30 seconds\" is not a duration (a whole"
                            + " number with ms, s, m or h, e.g. 30s or 500ms)",
                        "MERIDIAN_ALLOWED_COLLECTORS: \"collector.east,,bad host\" is not a"
                            + " comma-separated list of hosts (entry 2 \"\" is not a host name or"
                            + " IP; e.g. collector.east,10.0.0.7)"));
  }

  @Test
  void badPortInTheAddress() {
    assertThatThrownBy(
            () ->
                ZoneConfig.load(
                    null,
                    Map.of(
                        "MERIDIAN_ZONE_NAME",
                        "east",
                        "MERIDIAN_GLOBAL_ADDRESS",
                        "127.0.0.1:99999")))
        .hasMessage(
            "MERIDIAN_GLOBAL_ADDRESS: \"127.0.0.1:99999\" is not host:port (e.g. 127.0.0.1:5685 or"
                + " [::1]:5685)");
  }

  @Test
  void negativeDurationIsRefused() {
    assertThatThrownBy(() -> ZoneParsers.duration("PT-5S"))
        .hasMessageStartingWith("is not a duration");
  }

  @Test
  void portsMustDiffer() {
    assertThatThrownBy(
            () ->
                ZoneConfig.load(
                    null,
                    Map.of(
                        "MERIDIAN_ZONE_NAME", "east",
                        "MERIDIAN_XDS_PORT", "5681")))
        .hasMessageStartingWith("MERIDIAN_API_PORT and MERIDIAN_XDS_PORT are both 5681");
  }
}
