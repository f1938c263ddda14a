package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MeridianCtlTest {
  private static final String DIR = "src/test/resources/ctl/";

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MeridianCtl.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void validateAcceptsValidFiles() {
    Run run =
        run("validate", "-f", DIR + "mesh.yaml", DIR + "dataplanes.yaml", DIR + "east-west.yaml");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("4 resource(s) valid, 0 warning(s)\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validateReportsEveryViolationWithFileAndResource() {
    Run run = run("validate", "-f", DIR + "invalid.yaml");

    assertThat(run.exit()).isEqualTo(1);
    String file = DIR + "invalid.yaml";
    assertThat(run.err().lines())
        .containsExactly(
            file
                + ": MeshTrace default/broken: spec.targetRef.name: using name with kind Mesh is"
                + " not yet supported",
            file
                + ": MeshTrace default/broken: spec.default.backends[0].zipkin.url: must not be empty",
            file
                + ": MeshTrace default/broken: spec.default.sampling.overall: must be between 0 and"
                + " 100",
            file + ": TrafficTrace default/tt: selectors: must have at least one element",
            "4 error(s), 0 warning(s)");
  }

  @Test
  void warningsPrintButDoNotFail() {
    Run run = run("validate", "-f", DIR + "warning.yaml");

    assertThat(run.exit()).isZero();
    assertThat(run.err())
        .contains(
            "MeshTrace default/trace-west: warning: spec.targetRef.tags[\"kuma.io/zome\"]: tag key"
                + " \"kuma.io/zome\" is not a well-known key; did you mean \"kuma.io/zone\"?");
    assertThat(run.out()).isEqualTo("1 resource(s) valid, 1 warning(s)\n");
  }

  @Test
  void validateChecksTrafficTraceBackendAgainstMeshInOtherFile() throws Exception {
    Path tt = tmp.resolve("tt.yaml");
    Files.writeString(
        tt,
        "type: TrafficTrace\nname: all\nmesh: default\nselectors:\n- match:\n    kuma.io/service:"
            + " '*'\nconf:\n  backend: zipkin-nowhere\n");

    Run run = run("validate", "-f", DIR + "mesh.yaml", tt.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err())
        .contains("TrafficTrace default/all: warning: conf.backend: backend \"zipkin-nowhere\"");
  }

  @Test
  void malformedMissingOversizedAndBinaryFilesAreClearErrors() throws Exception {
    Path malformed = tmp.resolve("bad.yaml");
    Files.writeString(malformed, "type: Mesh\nname: [unclosed\n");
    Path big = tmp.resolve("big.yaml");
    Files.write(big, new byte[(int) InputFiles.MAX_BYTES + 1]);
    Path binary = tmp.resolve("bin.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

    Run run =
        run(
            "validate",
            "-f",
            malformed.toString(),
            tmp.resolve("missing.yaml").toString(),
            big.toString(),
            binary.toString());

    assertThat(run.exit()).isEqualTo(1);
    List<String> lines = new ArrayList<>(run.err().lines().toList());
    assertThat(lines.get(0))
        .startsWith(malformed + ": document 1: malformed YAML at line 2, column 16:")
        .contains("expected ',' or ']'");
    assertThat(lines)
        .contains(
            tmp.resolve("missing.yaml") + ": no such file",
            big + ": is larger than 8 MiB; split it",
            binary + ": is not UTF-8 text");
  }

  @Test
  void unknownTypeIsNamed() throws Exception {
    Path file = tmp.resolve("x.yaml");
    Files.writeString(file, "type: MeshRetry\nname: x\nmesh: default\n");

    Run run = run("validate", "-f", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            file
                + ": document 1: type: unknown type \"MeshRetry\"; expected one of Mesh,"
                + " TrafficTrace, MeshTrace, Dataplane\n");
  }

  @Test
  void renderPrintsEnvoyJsonForTheDataplane() throws Exception {
    Run run =
        run(
            "render",
            "-f",
            DIR + "mesh.yaml",
            DIR + "dataplanes.yaml",
            DIR + "east-west.yaml",
            "--dataplane",
            "default/web-1",
            "--zone",
            "east");

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    JsonNode json = Json.MAPPER.readTree(run.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("listeners", "clusters", "endpoints");
    assertThat(json.get("listeners").findValuesAsText("name"))
        .contains("inbound:10.0.0.1:8080", "outbound:127.0.0.1:10001");
    assertThat(json.get("clusters").findValuesAsText("name")).contains("meshtrace:zipkin");
    assertThat(run.out()).contains("east.zipkincollector:9411");
    assertThat(json.get("listeners").get(0).get("@type").asText())
        .isEqualTo("type.googleapis.com/envoy.config.listener.v3.Listener");
  }

  @Test
  void renderInAnotherZoneDoesNotGetTheEastCollector() {
    Run run =
        run(
            "render",
            "-f",
            DIR + "mesh.yaml",
            DIR + "dataplanes.yaml",
            DIR + "east-west.yaml",
            "--dataplane",
            "default/web-1",
            "--zone",
            "west");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).doesNotContain("east.zipkincollector").doesNotContain("meshtrace:");
  }

  @Test
  void renderYaml() throws Exception {
    Run run =
        run("render", "-f", DIR + "dataplanes.yaml", "--dataplane", "default/web-1", "-o", "yaml");

    assertThat(run.exit()).isZero();
    JsonNode yaml = Json.YAML.readTree(run.out());
    assertThat(yaml.get("clusters").findValuesAsText("name")).contains("localhost:18080");
  }

  @Test
  void renderUnknownDataplaneFailsClearly() {
    Run run = run("render", "-f", DIR + "dataplanes.yaml", "--dataplane", "default/nope");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("dataplane default/nope not found").contains("web-1");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void renderRefusesInvalidInputAndBadDataplaneArgument() {
    Run invalid = run("render", "-f", DIR + "invalid.yaml", "--dataplane", "default/web-1");
    Run badArg = run("render", "-f", DIR + "dataplanes.yaml", "--dataplane", "web-1");

    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).endsWith("4 error(s); nothing rendered\n");
    assertThat(badArg.exit()).isEqualTo(2);
    assertThat(badArg.err())
        .contains("--dataplane must be MESH/NAME, e.g. default/web-1; got web-1");
  }
}
