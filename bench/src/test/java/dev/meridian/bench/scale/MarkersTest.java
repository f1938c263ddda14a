package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkersTest {
  @Test
  void findsTheCollectorHostInsidePackedListeners() {
    SimDataplane dp = Workload.dataplanes(2).get(0);
    Resource dataplane = Dataplanes.inZone(FloorServer.parse(dp.yaml()), dp.zone());
    String host = Workload.collectorHost("mesh-1");
    MeshPolicies policies =
        MeshPolicies.of(
            FloorServer.parse(Workload.mesh(Workload.MESH)),
            List.of(FloorServer.parse(Workload.meshWide(Workload.MESH, "p", host))));
    List<Any> listeners =
        ProxyGenerator.generate(
                dataplane,
                dp.zone(),
                policies.rules(dataplane, dp.zone()),
                EndpointIndex.of(List.of(dataplane)))
            .listeners()
            .stream()
            .map(Any::pack)
            .toList();

    assertThat(Markers.anyContains(listeners, Markers.of(host))).isTrue();
    assertThat(Markers.anyContains(listeners, Markers.of(Workload.collectorHost("mesh-2"))))
        .isFalse();
  }

  @Test
  void aRoundDoesNotMatchALongerRoundNumber() {
    byte[] round11 = Workload.collectorHost("mesh-11").getBytes(StandardCharsets.UTF_8);
    assertThat(Markers.indexOf(withPort(round11), Markers.of(Workload.collectorHost("mesh-1"))))
        .isEqualTo(-1);
  }

  @Test
  void indexOfAtBothEnds() {
    byte[] hay = "abcdef".getBytes(StandardCharsets.UTF_8);
    assertThat(Markers.indexOf(hay, "abc".getBytes(StandardCharsets.UTF_8))).isZero();
    assertThat(Markers.indexOf(hay, "def".getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
    assertThat(Markers.indexOf(hay, "abcdefg".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }

  private static byte[] withPort(byte[] host) {
    return (new String(host, StandardCharsets.UTF_8) + ":9411").getBytes(StandardCharsets.UTF_8);
  }
}
