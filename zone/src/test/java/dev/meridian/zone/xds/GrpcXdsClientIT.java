package dev.meridian.zone.xds;

import static dev.meridian.zone.xds.Fixtures.dataplane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GrpcXdsClientIT points grpc-java's own xDS client at the packaged zone (synced with the packaged
 * global, its dataplanes registered through its HTTP API): {@code xds:///backend} resolves through
 * the api_listener {@code backend}, its inline route, the EDS cluster {@code backend} and its
 * endpoints, and the call reaches a real gRPC server registered as that endpoint.
 */
@Timeout(180)
class GrpcXdsClientIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void grpcJavaResolvesAServiceThroughTheZoneAndCallsIt(@TempDir Path dir) throws Exception {
    HealthStatusManager health = new HealthStatusManager();
    Server backend =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(health.getHealthService())
            .build()
            .start();
    Files.createDirectories(dir.resolve("global"));
    Files.createDirectories(dir.resolve("zone"));
    ManagedChannel channel = null;
    try (PackagedGlobal global = PackagedGlobal.start(dir.resolve("global"));
        PackagedZone zone = new PackagedZone(dir.resolve("zone"), "east", global.kdsPort())) {
      global.put("/meshes/default", "type: Mesh\nname: default\n", "application/yaml");
      zone.start();
      await().atMost(TIMEOUT).until(() -> zone.status("/ready") == 200);
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  zone.put(
                              "/meshes/default/dataplanes/client-1",
                              dataplane("client-1", "127.0.0.1", 1, "client", "backend"))
                          .statusCode()
                      == 201);
      assertThat(
              zone.put(
                      "/meshes/default/dataplanes/backend-1",
                      dataplane("backend-1", "127.0.0.1", backend.getPort(), "backend")
                          .replace("kuma.io/protocol: http", "kuma.io/protocol: grpc"))
                  .statusCode())
          .isEqualTo(201);
      System.setProperty(
          "io.grpc.xds.bootstrapConfig",
          """
          {"xds_servers": [{"server_uri": "127.0.0.1:%d",
                            "channel_creds": [{"type": "insecure"}],
                            "server_features": ["xds_v3"]}],
           "node": {"id": "default.client-1"}}
          """
              .formatted(zone.xdsPort()));
      channel =
          Grpc.newChannelBuilder("xds:///backend", InsecureChannelCredentials.create()).build();

      HealthCheckResponse response =
          HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .withWaitForReady()
              .check(HealthCheckRequest.getDefaultInstance());

      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      for (String type : List.of(AdsClient.LDS, AdsClient.CDS, AdsClient.EDS)) {
        // -1: no NACK counter was ever created
        assertThat(zone.metric(requests(type, "NACK"))).as("NACKs of " + type).isIn(-1.0, 0.0);
        assertThat(zone.metric(requests(type, "ACK"))).as("ACKs of " + type).isPositive();
      }
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      backend.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static String requests(String type, String confirmation) {
    return "xds_requests_received_total{confirmation=\"%s\",type_url=\"%s\"}"
        .formatted(confirmation, type);
  }
}
