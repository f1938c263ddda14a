package dev.meridian.global.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalConfigTest {
  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("global.yaml"), yaml);
  }

  private static String problems(Path file, Map<String, String> env) {
    try {
      GlobalConfig.load(file, env);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void defaultsAreKumasPortsAndALocalDataDir() throws Exception {
    GlobalConfig config = GlobalConfig.load(null, Map.of());
    assertThat(config)
        .isEqualTo(
            new GlobalConfig(
                "127.0.0.1",
                5681,
                5680,
                5685,
                Path.of("data/global"),
                1 << 20,
                ClusterSettings.NONE))
        .isEqualTo(GlobalConfig.defaults());
  }

  @Test
  void readsEverySettingFromTheFile() throws Exception {
    Path file =
        file(
            """
            bindAddress: 0.0.0.0
            apiPort: 6681
            diagnosticsPort: 6680
            kdsPort: 6685
            dataDir: /var/lib/meridian
            apiBodyLimit: 2MiB
            """);
    assertThat(GlobalConfig.load(file, Map.of()))
        .isEqualTo(
            new GlobalConfig(
                "0.0.0.0",
                6681,
                6680,
                6685,
                Path.of("/var/lib/meridian"),
                2 << 20,
                ClusterSettings.NONE));
  }

  @Test
  void environmentWinsOverTheFile() throws Exception {
    Path file = file("apiPort: 6681\ndataDir: from-file\n");
    GlobalConfig config =
        GlobalConfig.load(
            file,
            Map.of(
                "MERIDIAN_API_PORT", "7681",
                "MERIDIAN_DIAGNOSTICS_PORT", "7680",
                "MERIDIAN_KDS_PORT", "7685",
                "MERIDIAN_BIND_ADDRESS", "::1",
                "MERIDIAN_API_BODY_LIMIT", "512KiB"));
    assertThat(config)
        .isEqualTo(
            new GlobalConfig(
                "::1", 7681, 7680, 7685, Path.of("from-file"), 512 << 10, ClusterSettings.NONE));
    assertThat(GlobalConfig.load(file, Map.of("MERIDIAN_DATA_DIR", "/env")).dataDir())
        .isEqualTo(Path.of("/env"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MERIDIAN_API_PORT|abc|MERIDIAN_API_PORT: \"abc\" is not a port (1-65535)",
        "MERIDIAN_API_PORT|0|MERIDIAN_API_PORT: \"0\" is not a port (1-65535)",
        "MERIDIAN_DIAGNOSTICS_PORT|70000|MERIDIAN_DIAGNOSTICS_PORT: \"70000\" is not a port"
            + " (1-65535)",
        "MERIDIAN_KDS_PORT|-1|MERIDIAN_KDS_PORT: \"-1\" is not a port (1-65535)",
        "MERIDIAN_DATA_DIR|' '|MERIDIAN_DATA_DIR: \" \" is not a path (it is empty)",
        "MERIDIAN_BIND_ADDRESS|no such host!|MERIDIAN_BIND_ADDRESS: \"no such host!\" is not an"
            + " address to listen on (an IP such as 127.0.0.1 or 0.0.0.0, or a host name)",
        "MERIDIAN_API_BODY_LIMIT|lots|MERIDIAN_API_BODY_LIMIT: \"lots\" is not a size (bytes from"
            + " 1 to 2GiB, as a number or with KiB, MiB or GiB, e.g. 1MiB)",
        "MERIDIAN_API_BODY_LIMIT|0|MERIDIAN_API_BODY_LIMIT: \"0\" is not a size (bytes from 1 to"
            + " 2GiB, as a number or with KiB, MiB or GiB, e.g. 1MiB)",
        "MERIDIAN_CLUSTER_SEEDS|a:1,b|MERIDIAN_CLUSTER_SEEDS: \"a:1,b\" is not a list of seed"
            + " replicas (host:port of their cluster ports, comma-separated, e.g."
            + " 10.0.0.1:25520,10.0.0.2:25520,10.0.0.3:25520); \"b\" is not host:port",
        "MERIDIAN_CLUSTER_HOST|0.0.0.0|MERIDIAN_CLUSTER_HOST: \"0.0.0.0\" is not a host name or"
            + " address other replicas can dial (e.g. 10.0.0.1 or global-0.meridian.svc)",
        "MERIDIAN_CLUSTER_HOST|a b|MERIDIAN_CLUSTER_HOST: \"a b\" is not a host name or address"
            + " other replicas can dial (e.g. 10.0.0.1 or global-0.meridian.svc)",
        "MERIDIAN_CLUSTER_SIZE|-1|MERIDIAN_CLUSTER_SIZE: \"-1\" is not a number of replicas"
            + " (1-99, or 0 for the number of seed replicas)",
        "MERIDIAN_CLUSTER_STABLE_AFTER|3|MERIDIAN_CLUSTER_STABLE_AFTER: \"3\" is not a duration"
            + " (a number with s or ms, e.g. 20s)",
      })
  void invalidEnvironmentSettingsNameTheVariableAndTheRule(
      String variable, String value, String message) {
    assertThat(problems(null, Map.of(variable, value))).isEqualTo(message);
  }

  @Test
  void invalidFileSettingsNameTheFileAndTheKey() throws Exception {
    Path file = file("apiPort: http\napiBodyLimit: 1TiB\n");
    assertThat(problems(file, Map.of()))
        .isEqualTo(
            file
                + ": apiPort: \"http\" is not a port (1-65535)\n"
                + file
                + ": apiBodyLimit: \"1TiB\" is not a size (bytes from 1 to 2GiB, as a number or"
                + " with KiB, MiB or GiB, e.g. 1MiB)");
  }

  @Test
  void unknownKeyOfTheFileIsNamedWithTheKnownOnes() throws Exception {
    Path file = file("apiport: 5681\n");
    assertThat(problems(file, Map.of()))
        .isEqualTo(
            file
                + ": unknown setting \"apiport\"; known settings: bindAddress, apiPort,"
                + " diagnosticsPort, kdsPort, dataDir, apiBodyLimit, clusterSeeds, clusterHost,"
                + " clusterPort, clusterSize, clusterStableAfter");
  }

  @Test
  void fileProblemsAreNamed() throws Exception {
    Path missing = dir.resolve("missing.yaml");
    assertThat(problems(missing, Map.of()))
        .isEqualTo("--config " + missing + ": file not found; pass an existing YAML file");
    assertThat(problems(file("- apiPort\n"), Map.of()))
        .isEqualTo(
            dir.resolve("global.yaml")
                + ": must be a mapping of setting names to values, e.g. apiPort: 5681");
    assertThat(problems(file("apiPort: [1, 2]\n"), Map.of()))
        .isEqualTo(dir.resolve("global.yaml") + ": apiPort: must be a single value");
    assertThat(problems(file("apiPort: [\n"), Map.of()))
        .startsWith(dir.resolve("global.yaml") + ": cannot read it as YAML: ");
    assertThat(GlobalConfig.load(file(""), Map.of())).isEqualTo(GlobalConfig.defaults());
  }

  @Test
  void twoSettingsSharingAPortAreRefused() {
    assertThat(problems(null, Map.of("MERIDIAN_KDS_PORT", "5681")))
        .isEqualTo(
            "MERIDIAN_API_PORT and MERIDIAN_KDS_PORT are both 5681; give each its own port (a"
                + " config file key apiPort / kdsPort works too)");
  }

  @Test
  void clusterSeedsMakeAReplicaWhoseSizeDefaultsToTheSeeds() throws Exception {
    assertThat(GlobalConfig.load(null, Map.of()).cluster().enabled()).isFalse();

    ClusterSettings cluster =
        GlobalConfig.load(
                null,
                Map.of(
                    "MERIDIAN_CLUSTER_SEEDS", "10.0.0.1:25520, 10.0.0.2:25520,10.0.0.3:25520",
                    "MERIDIAN_CLUSTER_STABLE_AFTER", "3s"))
            .cluster();

    assertThat(cluster)
        .isEqualTo(
            new ClusterSettings(
                List.of("10.0.0.1:25520", "10.0.0.2:25520", "10.0.0.3:25520"),
                "127.0.0.1",
                25520,
                3,
                Duration.ofSeconds(3)));
    assertThat(cluster.majority()).isEqualTo(2);
    assertThat(
            problems(
                null, Map.of("MERIDIAN_CLUSTER_SEEDS", "a:1", "MERIDIAN_CLUSTER_PORT", "5685")))
        .startsWith("MERIDIAN_KDS_PORT and MERIDIAN_CLUSTER_PORT are both 5685");
  }

  @Test
  void aReplicaListeningOnEveryInterfaceNeedsAHostTheOthersDial() throws Exception {
    Map<String, String> wildcard =
        Map.of("MERIDIAN_CLUSTER_SEEDS", "10.0.0.1:25520", "MERIDIAN_BIND_ADDRESS", "0.0.0.0");
    assertThat(problems(null, wildcard))
        .isEqualTo(
            "MERIDIAN_BIND_ADDRESS is 0.0.0.0, which the other replicas cannot dial: set"
                + " MERIDIAN_CLUSTER_HOST to the host name or address they reach this replica at");

    Map<String, String> advertised = new HashMap<>(wildcard);
    advertised.put("MERIDIAN_CLUSTER_HOST", "global-0.meridian.svc");
    GlobalConfig config = GlobalConfig.load(null, advertised);
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.cluster().host()).isEqualTo("global-0.meridian.svc");
    assertThat(config.cluster().self()).isEqualTo("global-0.meridian.svc:25520");
    // standalone, 0.0.0.0 needs nothing more
    assertThat(GlobalConfig.load(null, Map.of("MERIDIAN_BIND_ADDRESS", "0.0.0.0")).bindAddress())
        .isEqualTo("0.0.0.0");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                GlobalConfig.load(null, Map.of("MERIDIAN_API_PORT", "x", "MERIDIAN_KDS_PORT", "y")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
  }
}
