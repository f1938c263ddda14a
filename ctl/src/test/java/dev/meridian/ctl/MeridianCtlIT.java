package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a real process, the way bin/meridianctl does. */
class MeridianCtlIT {
  private static final String DIR = "src/test/resources/ctl/";

  record Result(int exit, String out, String err) {}

  static Result meridianctl(String... args) throws IOException, InterruptedException {
    return meridianctl(Map.of(), args);
  }

  static Result meridianctl(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    String jar = System.getProperty("meridianctl.jar");
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar));
    command.addAll(List.of(args));
    Path errFile = Path.of("target", "it-stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errFile.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("meridianctl finished").isTrue();
    String err = java.nio.file.Files.readString(errFile);
    return new Result(process.exitValue(), out, err);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void validateExitCodes() throws Exception {
    assertThat(meridianctl("validate", "-f", DIR + "mesh.yaml").exit()).isZero();
    Result invalid = meridianctl("validate", "-f", DIR + "invalid.yaml");
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("spec.default.backends[0].zipkin.url: must not be empty");
  }

  @Test
  void renderFromThePackagedJar() throws Exception {
    Result result =
        meridianctl(
            "render",
            "-f",
            DIR + "mesh.yaml",
            DIR + "dataplanes.yaml",
            DIR + "east-west.yaml",
            "--dataplane",
            "default/web-1",
            "--zone",
            "east");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).contains("envoy.tracers.zipkin").contains("east.zipkincollector");
  }

  /** The config file comes from $MERIDIAN_CONFIG; a node that is not there is one line, exit 1. */
  @Test
  void savedContextFromTheEnvironmentAndUnreachableNode(@TempDir Path tmp) throws Exception {
    String url;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      url = "http://127.0.0.1:" + closed.getLocalPort();
    }
    Map<String, String> env = Map.of("MERIDIAN_CONFIG", tmp.resolve("config.yaml").toString());

    Result added = meridianctl(env, "config", "add-context", "local", "--cp", url);
    Result get = meridianctl(env, "get", "meshes");

    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(tmp.resolve("config.yaml")).content().contains("currentContext: local");
    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.err())
        .isEqualTo(
            "cannot reach the control plane at "
                + url
                + ": connection refused (is it running? set --cp or 'meridianctl config"
                + " use-context')\n");
  }

  @Test
  void usageErrorIsExitTwo() throws Exception {
    Result result = meridianctl("render", "-f", DIR + "mesh.yaml");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required option: '--dataplane=MESH/NAME'");
  }
}
