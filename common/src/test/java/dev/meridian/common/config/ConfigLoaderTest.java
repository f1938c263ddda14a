package dev.meridian.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Setting<Integer> PORT =
      new Setting<>("port", "TEST_PORT", 80, ValueParsers::port);
  private static final Setting<String> HOST =
      new Setting<>("host", "TEST_HOST", "localhost", ValueParsers::address);
  private static final List<Setting<?>> ALL = List.of(PORT, HOST);

  @TempDir Path dir;

  @Test
  void environmentWinsOverFileWhichWinsOverDefault() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "port: 8080\nhost: example.org\n");
    Settings settings = ConfigLoader.load(file, Map.of("TEST_PORT", "9090"), ALL);
    assertThat(settings.get(PORT)).isEqualTo(9090);
    assertThat(settings.get(HOST)).isEqualTo("example.org");
    assertThat(ConfigLoader.load(null, Map.of(), ALL).get(PORT)).isEqualTo(80);
  }

  @Test
  void reportsEveryProblemWithItsSource() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "host: 'a b'\nprot: 1\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("TEST_PORT", "http"), ALL))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ": unknown setting \"prot\"; known settings: port, host\n"
                + "TEST_PORT: \"http\" is not a port (1-65535)\n"
                + file
                + ": host: \"a b\" is not an address to listen on (an IP such as 127.0.0.1 or"
                + " 0.0.0.0, or a host name)");
  }

  @Test
  void parsesSizesPortsAndAddresses() {
    assertThat(ValueParsers.size("1048576")).isEqualTo(1 << 20);
    assertThat(ValueParsers.size("1MiB")).isEqualTo(1 << 20);
    assertThat(ValueParsers.size("64 kib")).isEqualTo(64 << 10);
    assertThat(ValueParsers.size("1GiB")).isEqualTo(1 << 30);
    assertThatThrownBy(() -> ValueParsers.size("3GiB")).hasMessageStartingWith("is not a size");
    assertThat(ValueParsers.port(" 65535 ")).isEqualTo(65535);
    assertThatThrownBy(() -> ValueParsers.port("65536")).hasMessage("is not a port (1-65535)");
    assertThat(ValueParsers.address("0.0.0.0")).isEqualTo("0.0.0.0");
    assertThat(ValueParsers.address("::")).isEqualTo("::");
    assertThat(ValueParsers.address("global.example")).isEqualTo("global.example");
    assertThatThrownBy(() -> ValueParsers.address("http://x")).hasMessageStartingWith("is not");
  }
}
