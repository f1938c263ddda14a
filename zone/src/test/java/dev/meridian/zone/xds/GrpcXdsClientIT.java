package dev.meridian.zone.xds;

import static dev.meridian.zone.xds.Fixtures.dataplane;
import static dev.meridian.zone.xds.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GrpcXdsClientIT points grpc-java's own xDS client at the zone: {@code xds:///backend} resolves
 * through the api_listener {@code backend}, its inline route, the EDS cluster {@code backend} and
 * its endpoints, and the call reaches a real gRPC server registered as that endpoint.
 */
class GrpcXdsClientIT {
  @Test
  void grpcJavaResolvesAServiceThroughTheZoneAndCallsIt() throws Exception {
    HealthStatusManager health = new HealthStatusManager();
    Server backend =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(health.getHealthService())
            .build()
            .start();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ResourceStore store = JournaledResourceStore.inMemory();
    put(store, "type: Mesh\nname: default\n");
    put(store, dataplane("client-1", "127.0.0.1", 1, "client", "backend"));
    put(
        store,
        dataplane("backend-1", "127.0.0.1", backend.getPort(), "backend")
            .replace("kuma.io/protocol: http", "kuma.io/protocol: grpc"));
    XdsServer zone = new XdsServer(store, "east", Set.of(), Duration.ofSeconds(30), meters);
    zone.start("127.0.0.1", 0);
    System.setProperty(
        "io.grpc.xds.bootstrapConfig",
        """
        {"xds_servers": [{"server_uri": "127.0.0.1:%d",
                          "channel_creds": [{"type": "insecure"}],
                          "server_features": ["xds_v3"]}],
         "node": {"id": "default.client-1"}}
        """
            .formatted(zone.port()));
    ManagedChannel channel =
        Grpc.newChannelBuilder("xds:///backend", InsecureChannelCredentials.create()).build();
    try {
      HealthCheckResponse response =
          HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(20, TimeUnit.SECONDS)
              .withWaitForReady()
              .check(HealthCheckRequest.getDefaultInstance());

      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      for (String type : List.of(AdsClient.LDS, AdsClient.CDS, AdsClient.EDS)) {
        assertThat(count(meters, type, "NACK")).as("NACKs of " + type).isZero();
        assertThat(count(meters, type, "ACK")).as("ACKs of " + type).isPositive();
      }
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      zone.close();
      backend.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      store.close();
    }
  }

  private static double count(SimpleMeterRegistry meters, String type, String confirmation) {
    Counter c =
        meters
            .find("xds.requests.received")
            .tags("type_url", type, "confirmation", confirmation)
            .counter();
    return c == null ? 0 : c.count();
  }
}
