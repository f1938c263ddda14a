package dev.meridian.global.config;

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

/**
 * GlobalConfig is the global node's settings. Port 0 (an ephemeral port) is accepted here for
 * tests; a user's file or environment must name a real port.
 */
public record GlobalConfig(
    String bindAddress,
    int apiPort,
    int diagnosticsPort,
    int kdsPort,
    Path dataDir,
    long apiBodyLimit,
    ClusterSettings cluster) {

  public static final Setting<String> BIND_ADDRESS =
      new Setting<>("bindAddress", "MERIDIAN_BIND_ADDRESS", "127.0.0.1", ValueParsers::address);
  public static final Setting<Integer> API_PORT =
      new Setting<>("apiPort", "MERIDIAN_API_PORT", 5681, ValueParsers::port);
  public static final Setting<Integer> DIAGNOSTICS_PORT =
      new Setting<>("diagnosticsPort", "MERIDIAN_DIAGNOSTICS_PORT", 5680, ValueParsers::port);
  public static final Setting<Integer> KDS_PORT =
      new Setting<>("kdsPort", "MERIDIAN_KDS_PORT", 5685, ValueParsers::port);
  public static final Setting<Path> DATA_DIR =
      new Setting<>("dataDir", "MERIDIAN_DATA_DIR", Path.of("data", "global"), ValueParsers::path);
  public static final Setting<Long> API_BODY_LIMIT =
      new Setting<>("apiBodyLimit", "MERIDIAN_API_BODY_LIMIT", 1L << 20, ValueParsers::size);

  public static final Setting<List<String>> CLUSTER_SEEDS =
      new Setting<>("clusterSeeds", "MERIDIAN_CLUSTER_SEEDS", List.of(), ClusterSettings::seeds);
  public static final Setting<String> CLUSTER_HOST =
      new Setting<>("clusterHost", "MERIDIAN_CLUSTER_HOST", "", ClusterSettings::host);
  public static final Setting<Integer> CLUSTER_PORT =
      new Setting<>("clusterPort", "MERIDIAN_CLUSTER_PORT", 25520, ValueParsers::port);
  public static final Setting<Integer> CLUSTER_SIZE =
      new Setting<>("clusterSize", "MERIDIAN_CLUSTER_SIZE", 0, ClusterSettings::size);
  public static final Setting<Duration> CLUSTER_STABLE_AFTER =
      new Setting<>(
          "clusterStableAfter",
          "MERIDIAN_CLUSTER_STABLE_AFTER",
          Duration.ofSeconds(10),
          ClusterSettings::duration);

  /** Every setting, in the order the README lists them. */
  public static final List<Setting<?>> SETTINGS =
      List.of(
          BIND_ADDRESS,
          API_PORT,
          DIAGNOSTICS_PORT,
          KDS_PORT,
          DATA_DIR,
          API_BODY_LIMIT,
          CLUSTER_SEEDS,
          CLUSTER_HOST,
          CLUSTER_PORT,
          CLUSTER_SIZE,
          CLUSTER_STABLE_AFTER);

  public GlobalConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(cluster, "cluster");
    for (int port : new int[] {apiPort, diagnosticsPort, kdsPort}) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " (expected: 0-65535)");
      }
    }
    if (apiBodyLimit < 1) {
      throw new IllegalArgumentException("apiBodyLimit " + apiBodyLimit + " (expected: > 0)");
    }
  }

  /** Every setting at its default. */
  public static GlobalConfig defaults() {
    return of(Setting::defaultValue);
  }

  /**
   * The settings from {@code file} (null for none) and {@code env}, which wins over the file.
   *
   * @throws ConfigException naming every invalid setting, or two settings sharing a port
   */
  public static GlobalConfig load(Path file, Map<String, String> env) throws ConfigException {
    Settings settings = ConfigLoader.load(file, env, SETTINGS);
    if (settings.get(CLUSTER_SEEDS).isEmpty()) {
      settings.requireDistinct(API_PORT, DIAGNOSTICS_PORT, KDS_PORT);
    } else {
      settings.requireDistinct(API_PORT, DIAGNOSTICS_PORT, KDS_PORT, CLUSTER_PORT);
      if (settings.get(CLUSTER_HOST).isEmpty()
          && ClusterSettings.WILDCARDS.contains(settings.get(BIND_ADDRESS))) {
        throw new ConfigException(
            List.of(
                "MERIDIAN_BIND_ADDRESS is "
                    + settings.get(BIND_ADDRESS)
                    + ", which the other replicas cannot dial: set MERIDIAN_CLUSTER_HOST to the"
                    + " host name or address they reach this replica at"));
      }
    }
    return of(settings::get);
  }

  /** A copy listening on ephemeral ports, for tests and for several nodes on one host. */
  public GlobalConfig withEphemeralPorts() {
    return new GlobalConfig(bindAddress, 0, 0, 0, dataDir, apiBodyLimit, cluster);
  }

  public GlobalConfig withApiBodyLimit(long limit) {
    return new GlobalConfig(
        bindAddress, apiPort, diagnosticsPort, kdsPort, dataDir, limit, cluster);
  }

  private interface Values {
    <T> T get(Setting<T> setting);
  }

  private static GlobalConfig of(Values v) {
    return new GlobalConfig(
        v.get(BIND_ADDRESS),
        v.get(API_PORT),
        v.get(DIAGNOSTICS_PORT),
        v.get(KDS_PORT),
        v.get(DATA_DIR),
        v.get(API_BODY_LIMIT),
        cluster(v));
  }

  /**
   * Standalone without seeds; otherwise the cluster, its size defaulting to the seed count and its
   * host to the bind address.
   */
  private static ClusterSettings cluster(Values v) {
    List<String> seeds = v.get(CLUSTER_SEEDS);
    if (seeds.isEmpty()) {
      return ClusterSettings.NONE;
    }
    int size = v.get(CLUSTER_SIZE);
    String host = v.get(CLUSTER_HOST);
    return new ClusterSettings(
        seeds,
        host.isEmpty() ? v.get(BIND_ADDRESS) : host,
        v.get(CLUSTER_PORT),
        size == 0 ? seeds.size() : size,
        v.get(CLUSTER_STABLE_AFTER));
  }
}
