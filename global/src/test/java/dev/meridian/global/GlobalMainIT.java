package dev.meridian.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node ({@code target/meridian-global.jar} + {@code lib/}) as bin/meridian-global runs
 * it.
 */
class GlobalMainIT {
  @TempDir Path dir;

  private Process start(Map<String, String> env, String... args) throws IOException {
    String jar = System.getProperty("meridian.global.jar");
    assertThat(Path.of(jar)).exists();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anInvalidSettingStopsStartUpNamingIt() throws Exception {
    Path config = Files.writeString(dir.resolve("global.yaml"), "kdsPortt: 1\n");
    Process process = start(Map.of("MERIDIAN_API_PORT", "abc"), "--config", config.toString());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output())
        .contains("meridian-global: cannot start, fix these settings:")
        .contains(config + ": unknown setting \"kdsPortt\"")
        .contains("MERIDIAN_API_PORT: \"abc\" is not a port (1-65535)");
  }

  @Test
  void servesUntilSigtermThenStopsGracefully() throws Exception {
    int api = freePort();
    int diagnostics = freePort();
    Process process =
        start(
            Map.of(
                "MERIDIAN_API_PORT", Integer.toString(api),
                "MERIDIAN_DIAGNOSTICS_PORT", Integer.toString(diagnostics),
                "MERIDIAN_KDS_PORT", Integer.toString(freePort()),
                "MERIDIAN_DATA_DIR", dir.resolve("data").toString()));
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + diagnostics + "/ready")).build();
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      HttpRequest index =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + "/")).build();
      assertThat(client.send(index, HttpResponse.BodyHandlers.ofString()).body())
          .contains("\"role\":\"global\"");
      assertThat(output())
          .contains("HTTP API listening on http://127.0.0.1:" + api)
          .contains("diagnostics listening on http://127.0.0.1:" + diagnostics);
    } finally {
      process.destroy(); // SIGTERM
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output()).contains("GlobalNode - stopped");
  }
}
