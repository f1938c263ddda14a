package dev.meridian.zone.config;

import dev.meridian.common.config.ConfigException;
import dev.meridian.common.config.ConfigLoader;
import dev.meridian.common.config.Setting;
import dev.meridian.common.config.Settings;
import dev.meridian.common.config.ValueParsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ZoneConfig is the zone node's settings. Port 0 (an ephemeral port) is accepted here for tests; a
 * user's file or environment must name a real port.
 *
 * @param allowedCollectors hosts a tracing backend of this zone may name (the locality guard);
 *     empty turns the guard off
 */
public record ZoneConfig(
    String zoneName,
    List<HostPort> globalAddresses,
    String bindAddress,
    int apiPort,
    int diagnosticsPort,
    int xdsPort,
    Path dataDir,
    long apiBodyLimit,
    Duration xdsGracePeriod,
    List<String> allowedCollectors) {

  public static final Setting<String> ZONE_NAME =
      new Setting<>("zoneName", "MERIDIAN_ZONE_NAME", "", ZoneParsers::zoneName);

  /** Several addresses are the replicas of one global; the zone moves on when one fails. */
  public static final Setting<List<HostPort>> GLOBAL_ADDRESS =
      new Setting<>(
          "globalAddress",
          "MERIDIAN_GLOBAL_ADDRESS",
          List.of(new HostPort("127.0.0.1", 5685)),
          ZoneParsers::hostPorts);

  public static final Setting<String> BIND_ADDRESS =
      new Setting<>("bindAddress", "MERIDIAN_BIND_ADDRESS", "127.0.0.1", ValueParsers::address);
  public static final Setting<Integer> API_PORT =
      new Setting<>("apiPort", "MERIDIAN_API_PORT", 5681, ValueParsers::port);
  public static final Setting<Integer> DIAGNOSTICS_PORT =
      new Setting<>("diagnosticsPort", "MERIDIAN_DIAGNOSTICS_PORT", 5680, ValueParsers::port);
  public static final Setting<Integer> XDS_PORT =
      new Setting<>("xdsPort", "MERIDIAN_XDS_PORT", 5678, ValueParsers::port);

  /** Empty means {@code ./data/zone-<zone name>}, which only the zone name decides. */
  public static final Setting<Optional<Path>> DATA_DIR =
      new Setting<>("dataDir", "MERIDIAN_DATA_DIR", Optional.empty(), ZoneParsers::optionalPath);

  public static final Setting<Long> API_BODY_LIMIT =
      new Setting<>("apiBodyLimit", "MERIDIAN_API_BODY_LIMIT", 1L << 20, ValueParsers::size);
  public static final Setting<Duration> XDS_GRACE_PERIOD =
      new Setting<>(
          "xdsGracePeriod",
          "MERIDIAN_XDS_GRACE_PERIOD",
          Duration.ofSeconds(30),
          ZoneParsers::duration);
  public static final Setting<List<String>> ALLOWED_COLLECTORS =
      new Setting<>(
          "allowedCollectors", "MERIDIAN_ALLOWED_COLLECTORS", List.of(), ZoneParsers::hostList);

  /** Every setting, in the order the README lists them. */
  public static final List<Setting<?>> SETTINGS =
      List.of(
          ZONE_NAME,
          GLOBAL_ADDRESS,
          BIND_ADDRESS,
          API_PORT,
          DIAGNOSTICS_PORT,
          XDS_PORT,
          DATA_DIR,
          API_BODY_LIMIT,
          XDS_GRACE_PERIOD,
          ALLOWED_COLLECTORS);

  public ZoneConfig {
    Objects.requireNonNull(zoneName, "zoneName");
    globalAddresses = List.copyOf(globalAddresses);
    if (globalAddresses.isEmpty()) {
      throw new IllegalArgumentException("globalAddresses is empty (expected: at least one)");
    }
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(xdsGracePeriod, "xdsGracePeriod");
    allowedCollectors = List.copyOf(allowedCollectors);
    for (int port : new int[] {apiPort, diagnosticsPort, xdsPort}) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " (expected: 0-65535)");
      }
    }
    if (apiBodyLimit < 1) {
      throw new IllegalArgumentException("apiBodyLimit " + apiBodyLimit + " (expected: > 0)");
    }
  }

  /**
   * The settings from {@code file} (null for none) and {@code env}, which wins over the file.
   *
   * @throws ConfigException naming every invalid setting, a missing zone name, or two settings
   *     sharing a port
   */
  public static ZoneConfig load(Path file, Map<String, String> env) throws ConfigException {
    Settings s = ConfigLoader.load(file, env, SETTINGS);
    s.requireDistinct(API_PORT, DIAGNOSTICS_PORT, XDS_PORT);
    String zone = s.get(ZONE_NAME);
    if (zone.isEmpty()) {
      throw new ConfigException(
          List.of(
              ZONE_NAME.env()
                  + " is not set: every zone needs a name (a DNS label such as east), e.g."
                  + " MERIDIAN_ZONE_NAME=east (or "
                  + ZONE_NAME.key()
                  + ": east in the --config file)"));
    }
    ZoneConfig config =
        new ZoneConfig(
            zone,
            s.get(GLOBAL_ADDRESS),
            s.get(BIND_ADDRESS),
            s.get(API_PORT),
            s.get(DIAGNOSTICS_PORT),
            s.get(XDS_PORT),
            s.get(DATA_DIR).orElse(defaultDataDir(zone)),
            s.get(API_BODY_LIMIT),
            s.get(XDS_GRACE_PERIOD),
            s.get(ALLOWED_COLLECTORS));
    return config;
  }

  /** {@code ./data/zone-<name>}: two zones on one host never share a data dir by default. */
  public static Path defaultDataDir(String zone) {
    return Path.of("data", "zone-" + zone);
  }

  /** A copy listening on ephemeral ports, for tests and for several nodes on one host. */
  public ZoneConfig withEphemeralPorts() {
    return new ZoneConfig(
        zoneName,
        globalAddresses,
        bindAddress,
        0,
        0,
        0,
        dataDir,
        apiBodyLimit,
        xdsGracePeriod,
        allowedCollectors);
  }
}
