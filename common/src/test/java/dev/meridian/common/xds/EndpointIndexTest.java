package dev.meridian.common.xds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.dataplane.DataplaneSpec;
import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.dataplane.DataplaneSpec.Networking;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.resource.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointIndexTest {
  private static Resource dataplane(String name, String address, Inbound... inbounds) {
    return new Resource(
        Dataplanes.TYPE,
        "default",
        name,
        Map.of(),
        null,
        new DataplaneSpec(new Networking(address, List.of(inbounds), List.of())));
  }

  private static Inbound inbound(int port, String service, String protocol) {
    return protocol == null
        ? new Inbound(port, null, Map.of("kuma.io/service", service))
        : new Inbound(port, null, Map.of("kuma.io/service", service, "kuma.io/protocol", protocol));
  }

  @Test
  void endpointsAreEveryInboundOfTheServiceSorted() {
    EndpointIndex index =
        EndpointIndex.of(
            List.of(
                dataplane("b", "10.0.0.2", inbound(8080, "web", "http")),
                dataplane(
                    "a", "10.0.0.1", inbound(8080, "web", "http"), inbound(9090, "api", null))));

    assertThat(index.endpoints("web"))
        .containsExactly(
            new EndpointIndex.Endpoint("10.0.0.1", 8080, "http"),
            new EndpointIndex.Endpoint("10.0.0.2", 8080, "http"));
    assertThat(index.endpoints("api"))
        .containsExactly(new EndpointIndex.Endpoint("10.0.0.1", 9090, "tcp"));
    assertThat(index.endpoints("missing")).isEmpty();
  }

  @Test
  void protocolIsSharedOneElseTcp() {
    EndpointIndex index =
        EndpointIndex.of(
            List.of(
                dataplane(
                    "a", "10.0.0.1", inbound(1, "grpc-svc", "grpc"), inbound(2, "mixed", "http")),
                dataplane(
                    "b", "10.0.0.2", inbound(1, "grpc-svc", "grpc"), inbound(2, "mixed", null))));

    assertThat(index.protocol("grpc-svc")).isEqualTo("grpc");
    assertThat(index.protocol("mixed")).isEqualTo("tcp");
    assertThat(index.protocol("missing")).isEqualTo("tcp");
  }
}
