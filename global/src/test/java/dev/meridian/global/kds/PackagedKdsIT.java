package dev.meridian.global.kds;

import static dev.meridian.global.kds.KdsTestClient.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.global.kds.KdsTestClient.Answer;
import dev.meridian.global.kds.KdsTestClient.ConfigStream;
import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.ResourceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zone (the test's KDS client) against the packaged global: it receives the initial state, then a
 * change committed through the HTTP API, then reconnects declaring what it holds and receives only
 * the difference. The global's {@code /zones} shows it.
 */
@Timeout(120)
class PackagedKdsIT {
  @TempDir Path dir;

  @Test
  void zoneSyncsThenReconnectsWithItsVersions() throws Exception {
    try (PackagedGlobal global = PackagedGlobal.start(dir);
        KdsTestClient client = new KdsTestClient(global.kdsPort())) {
      global.put("/meshes/default", "type: Mesh\nname: default\n", "application/yaml");
      global.put("/meshes/default/meshtraces/a", trace("a", "http://a:9411/x"), "application/yaml");

      ConfigStream first = client.connect("east", Answer.ACK);
      await().atMost(Duration.ofSeconds(30)).until(() -> first.state().size() == 2);
      global.put("/meshes/default/meshtraces/b", trace("b", "http://b:9411/x"), "application/yaml");
      await().atMost(Duration.ofSeconds(30)).until(() -> first.state().size() == 3);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> global.get("/zones/east").body().contains("\"online\":true"));
      Map<ResourceId, Long> held = first.held();
      first.close();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> global.get("/zones/east").body().contains("\"online\":false"));

      global.delete("/meshes/default/meshtraces/a");
      global.put("/meshes/default/meshtraces/c", trace("c", "http://c:9411/x"), "application/yaml");
      ConfigStream second = client.connect("east", held, Answer.ACK);

      await().atMost(Duration.ofSeconds(30)).until(() -> second.pushes.size() == 1);
      GlobalPush push = second.push(0);
      assertThat(push.getUpsertsList())
          .extracting(r -> r.getId())
          .containsExactly(id("MeshTrace", "default", "c"));
      assertThat(push.getRemovalsList()).containsExactly(id("MeshTrace", "default", "a"));
      second.close();
    }
  }

  private static String trace(String name, String url) {
    return "type: MeshTrace\nname: "
        + name
        + "\nmesh: default\nspec:\n  default:\n    backends: [{zipkin: {url: '"
        + url
        + "'}}]\n";
  }
}
