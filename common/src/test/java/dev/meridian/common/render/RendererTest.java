package dev.meridian.common.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static final String INPUT =
      """
      type: Mesh
      name: default
      ---
      type: MeshTrace
      name: all
      mesh: default
      spec:
        default:
          backends:
            - zipkin:
                url: http://zipkin:9411/api/v2/spans
      ---
      type: Dataplane
      name: web-1
      mesh: default
      networking:
        address: 10.0.0.1
        inbound:
          - port: 8080
            tags:
              kuma.io/service: web
              kuma.io/protocol: http
      ---
      type: Dataplane
      name: web-1
      mesh: other
      networking:
        address: 10.0.0.9
        inbound:
          - port: 8080
            tags:
              kuma.io/service: web
      """;

  private static List<Resource> resources() {
    return ResourceReader.read(INPUT).stream().map(ParsedResource::resource).toList();
  }

  @Test
  void unknownDataplaneNamesTheKnownOnes() {
    assertThatThrownBy(() -> Renderer.render(resources(), "default", "foo", "east"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "dataplane default/foo not found; known dataplanes: default/web-1, other/web-1");
  }

  @Test
  void dataplaneOfAnotherMeshIsNotFound() {
    assertThatThrownBy(() -> Renderer.render(resources(), "third", "web-1", null))
        .hasMessageStartingWith("dataplane third/web-1 not found");
  }

  @Test
  void rendersRulesAndXdsOfTheNamedMesh() {
    Renderer.Rendering rendering = Renderer.render(resources(), "default", "web-1", "east");

    assertThat(rendering.rules().tracingSource()).isEqualTo(DataplaneRules.Source.MESH_TRACE);
    assertThat(rendering.xds().listeners())
        .singleElement()
        .extracting(l -> l.getName())
        .isEqualTo("inbound:10.0.0.1:8080");
    assertThat(rendering.xds().clusters())
        .extracting(c -> c.getName())
        .containsExactly("localhost:8080", "meshtrace:zipkin");
  }

  @Test
  void otherMeshGetsNoTracingFromThisMeshsPolicies() {
    Renderer.Rendering rendering = Renderer.render(resources(), "other", "web-1", "east");

    assertThat(rendering.rules().tracingSource()).isEqualTo(DataplaneRules.Source.NONE);
    assertThat(rendering.xds().clusters())
        .extracting(c -> c.getName())
        .containsExactly("localhost:8080");
  }
}
