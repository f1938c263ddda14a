package dev.meridian.zone.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import org.junit.jupiter.api.Test;

/** MetadataDataplaneTest covers what a proxy may say about itself in its node metadata. */
class MetadataDataplaneTest {
  private static final NodeIds.DataplaneRef WEB_1 = NodeIds.parse("default.web-1").orElseThrow();

  @Test
  void readsTheDataplaneAndMarksItAsThisZones() throws Exception {
    Resource dp =
        MetadataDataplane.parse(
            Fixtures.dataplane("web-1", "10.0.0.1", 8080, "web"), WEB_1, "east");
    assertThat(dp.key().zone()).isEqualTo("east");
    assertThat(dp.labels())
        .containsEntry(Labels.ORIGIN, Labels.ORIGIN_ZONE)
        .containsEntry(Labels.ZONE, "east");
  }

  @Test
  void refusesADataplaneThatIsNotTheNodes() {
    assertThatThrownBy(
            () ->
                MetadataDataplane.parse(
                    Fixtures.dataplane("web-2", "10.0.0.1", 8080, "web"), WEB_1, "east"))
        .hasMessage(
            "node metadata 'dataplane' holds Dataplane default/web-2 (expected: Dataplane"
                + " default/web-1, as the node id default.web-1 says)");
  }

  @Test
  void reportsInvalidContentWithItsFields() {
    assertThatThrownBy(
            () ->
                MetadataDataplane.parse(
                    "{\"type\": \"Dataplane\", \"mesh\": \"default\", \"name\": \"web-1\"}",
                    WEB_1,
                    "east"))
        .hasMessageStartingWith("node metadata 'dataplane': ")
        .hasMessageContaining("networking");
  }

  @Test
  void nodeIdsSplitAtTheFirstDot() {
    assertThat(NodeIds.parse("default.web-1.ns"))
        .contains(new NodeIds.DataplaneRef("default", "web-1.ns"));
    assertThat(NodeIds.parse("web-1")).isEmpty();
    assertThat(NodeIds.parse(".web-1")).isEmpty();
  }
}
