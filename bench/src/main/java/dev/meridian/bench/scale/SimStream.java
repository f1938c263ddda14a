package dev.meridian.bench.scale;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * SimStream is one simulated dataplane's ADS stream, as Envoy opens it: wildcard LDS, CDS and EDS,
 * the node (with the Dataplane in its metadata) in every request, every response ACKed. On each LDS
 * response it takes the time first, then looks for the armed marker; it counts responses of every
 * type, so that a zone can be shown to have sent nothing. Responses arrive on gRPC's transport
 * thread (direct executor) and the harness arms from its own, hence the lock.
 */
final class SimStream implements StreamObserver<DiscoveryResponse> {
  private static final List<String> TYPES =
      List.of(
          Resources.V3.LISTENER_TYPE_URL,
          Resources.V3.CLUSTER_TYPE_URL,
          Resources.V3.ENDPOINT_TYPE_URL);

  final SimDataplane dataplane;
  private final Node node;
  private StreamObserver<DiscoveryRequest> requests;
  private volatile Throwable error;

  // Guarded by this.
  private byte[] marker;
  private long arrivalNanos;
  private int responses;

  SimStream(SimDataplane dataplane) {
    this.dataplane = dataplane;
    this.node =
        Node.newBuilder()
            .setId(dataplane.nodeId())
            .setMetadata(
                Struct.newBuilder()
                    .putFields(
                        "dataplane", Value.newBuilder().setStringValue(dataplane.yaml()).build()))
            .build();
  }

  /** Opens the stream on {@code channel} and subscribes. */
  synchronized void open(Channel channel) {
    requests = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(this);
    for (String type : TYPES) {
      send(DiscoveryRequest.newBuilder().setTypeUrl(type).build());
    }
  }

  /** Forgets the last round: from now on, waits for {@code marker} and counts responses anew. */
  synchronized void arm(byte[] marker) {
    this.marker = marker;
    this.arrivalNanos = 0;
    this.responses = 0;
  }

  /** When the armed marker arrived ({@link System#nanoTime}), 0 while it has not. */
  synchronized long arrivalNanos() {
    return arrivalNanos;
  }

  /** Responses of any type since the last {@link #arm}. */
  synchronized int responses() {
    return responses;
  }

  Throwable error() {
    return error;
  }

  @Override
  public void onNext(DiscoveryResponse response) {
    long now = System.nanoTime();
    synchronized (this) {
      responses++;
      if (arrivalNanos == 0
          && marker != null
          && response.getTypeUrl().equals(Resources.V3.LISTENER_TYPE_URL)
          && Markers.anyContains(response.getResourcesList(), marker)) {
        arrivalNanos = now;
      }
    }
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

  /** An ADS stream does not end by itself: a server that ends one is an error here. */
  @Override
  public void onCompleted() {
    error = new IllegalStateException("the server ended the stream");
  }

  synchronized void close() {
    if (requests != null && error == null) {
      requests.onCompleted();
    }
  }

  private synchronized void send(DiscoveryRequest request) {
    requests.onNext(request.toBuilder().setNode(node).build());
  }
}
