package dev.meridian.global;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.node.testing.PackagedGlobal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged meridianctl against the packaged global: apply, get, inspect, delete. */
@Timeout(180)
class MeridianctlAgainstGlobalIT {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  private Result meridianctl(String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-jar", System.getProperty("meridianctl.jar")));
    command.addAll(List.of(args));
    Path out = dir.resolve("ctl.out");
    Path err = dir.resolve("ctl.err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("MERIDIAN_CONFIG", dir.resolve("ctl-config.yaml").toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("meridianctl finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void applyGetInspectDelete() throws Exception {
    Path policies =
        Files.writeString(
            dir.resolve("policies.yaml"),
            """
            type: Mesh
            name: default
            ---
            type: MeshTrace
            name: trace-east
            mesh: default
            spec:
              targetRef:
                kind: MeshSubset
                tags:
                  kuma.io/zone: east
              default:
                backends:
                  - zipkin:
                      url: http://east.zipkincollector:9411/api/v2/spans
            """);
    Path broken =
        Files.writeString(
            dir.resolve("broken.yaml"),
            "type: MeshTrace\nname: broken\nmesh: default\nspec:\n  default: {}\n");
    try (PackagedGlobal global = PackagedGlobal.start(dir)) {
      String cp = global.api("").toString();

      Result applied = meridianctl("apply", "-f", policies.toString(), "--cp", cp);
      Result refused = meridianctl("apply", "-f", broken.toString(), "--cp", cp);
      Result listed = meridianctl("get", "meshtraces", "--cp", cp);
      Result yaml = meridianctl("get", "meshtrace", "trace-east", "-o", "yaml", "--cp", cp);
      Result deleted = meridianctl("delete", "mesh", "default", "--cp", cp);
      Result gone = meridianctl("get", "meshtrace", "trace-east", "--cp", cp);

      assertThat(applied.exit()).as(applied.err()).isZero();
      assertThat(applied.out())
          .contains("Mesh default created")
          .contains("MeshTrace default/trace-east created");
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.err()).contains("spec.default.backends: must be defined");
      assertThat(listed.out()).contains("trace-east");
      assertThat(yaml.out()).contains("east.zipkincollector:9411");
      assertThat(deleted.exit()).as(deleted.err()).isZero();
      assertThat(deleted.out()).contains("MeshTrace default/trace-east");
      assertThat(gone.exit()).isEqualTo(1);
    }
  }

  @Test
  void unreachableNodeIsAClearMessage() throws Exception {
    int closed = PackagedGlobal.freePort();
    Result result = meridianctl("get", "meshes", "--cp", "http://127.0.0.1:" + closed);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("cannot reach the control plane at http://127.0.0.1:" + closed);
  }
}
