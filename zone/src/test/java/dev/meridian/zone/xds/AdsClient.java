package dev.meridian.zone.xds;

import com.google.rpc.Status;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * AdsClient is a raw ADS client, as a sidecar would be: it subscribes to all listeners, clusters
 * and endpoints (wildcard), sends its node in every request, ACKs every response and queues it per
 * type for the test.
 */
public final class AdsClient implements AutoCloseable {
  public static final String LDS = Resources.V3.LISTENER_TYPE_URL;
  public static final String CDS = Resources.V3.CLUSTER_TYPE_URL;
  public static final String EDS = Resources.V3.ENDPOINT_TYPE_URL;

  private final Node node;
  private volatile Throwable error;
  private final ManagedChannel channel;
  private final StreamObserver<DiscoveryRequest> requests;
  private final Map<String, BlockingQueue<DiscoveryResponse>> responses = new ConcurrentHashMap<>();

  public AdsClient(int port, Node node) {
    this.node = node;
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    requests =
        AggregatedDiscoveryServiceGrpc.newStub(channel)
            .streamAggregatedResources(
                new StreamObserver<>() {
                  @Override
                  public void onNext(DiscoveryResponse response) {
                    queue(response.getTypeUrl()).add(response);
                    send(
                        DiscoveryRequest.newBuilder()
                            .setTypeUrl(response.getTypeUrl())
                            .setVersionInfo(response.getVersionInfo())
                            .setResponseNonce(response.getNonce())
                            .build());
                  }

                  @Override
                  public void onError(Throwable t) {
                    error = t;
                  }

                  @Override
                  public void onCompleted() {}
                });
    for (String type : List.of(LDS, CDS, EDS)) {
      send(DiscoveryRequest.newBuilder().setTypeUrl(type).build());
    }
  }

  /**
   * Sends {@code request} with the node, as Envoy does by default (java-control-plane needs it).
   */
  private synchronized void send(DiscoveryRequest request) {
    requests.onNext(request.toBuilder().setNode(node).build());
  }

  private BlockingQueue<DiscoveryResponse> queue(String type) {
    return responses.computeIfAbsent(type, t -> new LinkedBlockingQueue<>());
  }

  /** The next response of {@code type}; fails after 10 s. */
  public DiscoveryResponse next(String type) throws InterruptedException {
    DiscoveryResponse response = queue(type).poll(10, TimeUnit.SECONDS);
    if (response == null) {
      throw new AssertionError("no " + type + " response within 10 s");
    }
    return response;
  }

  /** Responses received and not taken yet, of any type. */
  public int unread() {
    return responses.values().stream().mapToInt(BlockingQueue::size).sum();
  }

  /** How the server ended the stream, or null while it is open. */
  public Throwable error() {
    return error;
  }

  /** Rejects {@code response}, as a proxy that cannot apply it does. */
  public void nack(DiscoveryResponse response, String previousVersion, String error) {
    send(
        DiscoveryRequest.newBuilder()
            .setTypeUrl(response.getTypeUrl())
            .setVersionInfo(previousVersion)
            .setResponseNonce(response.getNonce())
            .setErrorDetail(Status.newBuilder().setCode(3).setMessage(error))
            .build());
  }

  @Override
  public void close() {
    requests.onCompleted();
    channel.shutdown();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
