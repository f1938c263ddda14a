package dev.meridian.common.xds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.render.Renderer;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of generated Envoy config: each case renders one dataplane of {@code
 * golden/<input>.input.yaml} and compares it with {@code golden/<case>.golden.json}. Run with
 * {@code -Dgolden.update=true} to rewrite the golden files, then review the diff.
 */
class ProxyGeneratorGoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> cases() {
    return Stream.of(
        // case name, input file (without .input.yaml), mesh, dataplane, zone
        Arguments.of("inbound-outbound-zipkin", "inbound-outbound-zipkin", "backend-1", "zone-1"),
        Arguments.of("datadog-split-service", "datadog-split-service", "backend-1", "east"),
        Arguments.of("opentelemetry", "opentelemetry", "payments-1", "east"),
        Arguments.of("empty-sampling", "empty-sampling", "web-1", "east"),
        Arguments.of("empty-backends", "empty-backends", "web-1", "east"),
        Arguments.of(
            "traffictrace-default-backend", "traffictrace-default-backend", "web-1", "east"),
        Arguments.of("traffictrace-zipkin-https", "traffictrace-zipkin-https", "web-1", "east"),
        Arguments.of("traffictrace-datadog-ip", "traffictrace-datadog-ip", "web-1", "east"),
        Arguments.of(
            "meshtrace-overrides-traffictrace",
            "meshtrace-overrides-traffictrace",
            "web-1",
            "east"),
        Arguments.of("zone-subsets-east", "zone-subsets", "web-east-1", "east"),
        Arguments.of("zone-subsets-west", "zone-subsets", "web-west-1", "west"),
        Arguments.of("tcp-only", "tcp-only", "db-1", "east"),
        Arguments.of("traffictrace-unknown-backend", "traffictrace-unresolved", "web-1", "east"),
        Arguments.of("traffictrace-no-match", "traffictrace-unresolved", "api-1", "east"),
        Arguments.of("no-zone", "inbound-outbound-zipkin", "backend-1", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(String name, String input, String dataplane, String zone) throws IOException {
    List<Resource> resources = read(DIR.resolve(input + ".input.yaml"));

    String actual = Renderer.render(resources, "default", dataplane, zone).xds().toJson();

    Path golden = DIR.resolve(name + ".golden.json");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden file %s (create it with -Dgolden.update=true)", golden).exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "%s differs from %s; if the change is intended, run `mvn -pl common test"
                + " -Dgolden.update=true` and review the diff",
            name, golden)
        .isEqualTo(expected);
  }

  static List<Resource> read(Path input) throws IOException {
    List<ParsedResource> parsed = ResourceReader.read(Files.readString(input));
    for (ParsedResource p : parsed) {
      assertThat(p.readErrors()).as("read errors of %s in %s", p.describe(), input).isEmpty();
      assertThat(p.validate(ValidationContext.EMPTY).errors())
          .as("validation of %s in %s", p.describe(), input)
          .isEmpty();
    }
    return parsed.stream().map(ParsedResource::resource).toList();
  }
}
