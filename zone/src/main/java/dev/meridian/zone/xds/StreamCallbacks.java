package dev.meridian.zone.xds;

import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.exception.RequestException;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.Status;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StreamCallbacks watches ADS streams on gRPC's threads: counts them, counts ACKs and NACKs (a
 * request answering a response: with {@code error_detail} a NACK, otherwise an ACK), logs NACKs,
 * and tells the {@link DataplaneRegistry} which node each stream belongs to and when it ends.
 */
final class StreamCallbacks implements DiscoveryServerCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCallbacks.class);

  private final XdsMetrics metrics;
  private final DataplaneRegistry registry;
  private final ConcurrentMap<Long, String> nodeByStream = new ConcurrentHashMap<>();

  StreamCallbacks(XdsMetrics metrics, DataplaneRegistry registry) {
    this.metrics = metrics;
    this.registry = registry;
  }

  @Override
  public void onStreamOpen(long streamId, String typeUrl) {
    metrics.streamOpened();
  }

  @Override
  public void onV3StreamRequest(long streamId, DiscoveryRequest request) throws RequestException {
    if (request.hasNode() && !nodeByStream.containsKey(streamId)) {
      String problem = registry.connected(request.getNode());
      if (problem != null) {
        throw new RequestException(Status.INVALID_ARGUMENT.withDescription(problem));
      }
      nodeByStream.put(streamId, request.getNode().getId());
    }
    if (request.getResponseNonce().isEmpty()) {
      return;
    }
    boolean ack = !request.hasErrorDetail();
    metrics.request(request.getTypeUrl(), ack);
    if (!ack) {
      LOG.warn(
          "Dataplane {} rejected (NACK) {} version {}: {}",
          nodeByStream.getOrDefault(streamId, "?"),
          request.getTypeUrl(),
          request.getVersionInfo(),
          request.getErrorDetail().getMessage());
    }
  }

  @Override
  public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request)
      throws RequestException {
    throw new RequestException(
        Status.UNIMPLEMENTED.withDescription("delta xDS is not served; use state-of-the-world"));
  }

  @Override
  public void onStreamClose(long streamId, String typeUrl) {
    closed(streamId);
  }

  @Override
  public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
    closed(streamId);
  }

  private void closed(long streamId) {
    metrics.streamClosed();
    String nodeId = nodeByStream.remove(streamId);
    if (nodeId != null) {
      registry.disconnected(nodeId);
    }
  }
}
