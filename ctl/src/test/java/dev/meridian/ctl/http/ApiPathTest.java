package dev.meridian.ctl.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathTest {
  @Test
  void segmentsAndQueryValuesAreEncoded() {
    assertThat(ApiPath.of("meshes", "default", "meshtraces", "a b/c"))
        .isEqualTo("/meshes/default/meshtraces/a%20b%2Fc");
    assertThat(ApiPath.query(ApiPath.query("/x", "zone", "east west"), "size", "1"))
        .isEqualTo("/x?zone=east%20west&size=1");
  }

  @Test
  void nextKeepsOnlyPathAndQuery() {
    assertThat(ControlPlaneClient.pathOf("http://cp.internal:5681/meshes?offset=2&size=2"))
        .isEqualTo("/meshes?offset=2&size=2");
    assertThat(ControlPlaneClient.pathOf("/zones?offset=100")).isEqualTo("/zones?offset=100");
  }
}
