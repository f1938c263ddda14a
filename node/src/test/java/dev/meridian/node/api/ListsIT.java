package dev.meridian.node.api;

import static dev.meridian.node.api.ApiFixture.assertResponse;
import static dev.meridian.node.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListsIT {
  private final ApiFixture api = new ApiFixture();

  @BeforeEach
  void resources() {
    for (String mesh : List.of("default", "other")) {
      api.create("/meshes/" + mesh, Bodies.MESH.replace("name: default", "name: " + mesh));
    }
    for (String name : List.of("e", "c", "a", "d", "b")) {
      api.create(
          "/meshes/default/meshtraces/trace-" + name,
          Bodies.MESHTRACE_UNIVERSAL.replace("trace-east", "trace-" + name));
    }
    api.create(
        "/meshes/other/meshtraces/trace-a",
        Bodies.MESHTRACE_UNIVERSAL
            .replace("trace-east", "trace-a")
            .replace("mesh: default", "mesh: other"));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void pagesFollowNextLinksInNameOrder() {
    List<String> names = new ArrayList<>();
    List<String> nexts = new ArrayList<>();
    String url = api.base() + "/meshes/default/meshtraces?size=2";
    while (url != null) {
      JsonNode page =
          json(api.get(URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery()).body());
      assertThat(page.get("total").asInt()).isEqualTo(5);
      page.get("items").forEach(i -> names.add(i.get("name").asText()));
      url = page.get("next").isNull() ? null : page.get("next").asText();
      nexts.add(url);
    }
    assertThat(names).containsExactly("trace-a", "trace-b", "trace-c", "trace-d", "trace-e");
    assertThat(nexts)
        .containsExactly(
            api.base() + "/meshes/default/meshtraces?size=2&offset=2",
            api.base() + "/meshes/default/meshtraces?size=2&offset=4",
            null);
  }

  @Test
  void filtersByNamePrefixAndListsAcrossMeshes() {
    JsonNode page = json(api.get("/meshtraces?name=trace-a").body());
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.findValuesAsText("mesh")).containsExactly("default", "other");
    assertThat(page.get("next").isNull()).isTrue();

    JsonNode prefixed = json(api.get("/meshes/default/meshtraces?name=trace-&size=3").body());
    assertThat(prefixed.get("next").asText())
        .isEqualTo(api.base() + "/meshes/default/meshtraces?size=3&offset=3&name=trace-");

    JsonNode meshes = json(api.get("/meshes").body());
    List<String> meshNames = new ArrayList<>();
    meshes.get("items").forEach(item -> meshNames.add(item.get("name").asText()));
    assertThat(meshNames).containsExactly("default", "other");
    assertThat(json(api.get("/traffic-traces").body()).get("total").asInt()).isZero();
    assertThat(json(api.get("/meshes/other/meshtraces").body()).get("total").asInt()).isEqualTo(1);
  }

  @Test
  void rejectsBadPageParameters() {
    assertResponse(
        api.get("/meshes?size=5000"),
        400,
        "{\"title\": \"Could not list resources\", \"details\": \"Bad request\", \"causes\":"
            + " [{\"field\": \"size\", \"message\": \"\\\"5000\\\" is not a number from 1 to"
            + " 1000\"}]}");
    assertThat(api.get("/meshes?offset=-1").statusCode()).isEqualTo(400);
  }
}
