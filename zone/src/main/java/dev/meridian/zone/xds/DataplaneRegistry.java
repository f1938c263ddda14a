package dev.meridian.zone.xds;

import com.google.protobuf.Value;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DataplaneRegistry registers the dataplanes that describe themselves in their node metadata (see
 * {@link MetadataDataplane}) in the local store when they connect, and removes them once none of
 * their streams has been open for the grace period. Its own single-threaded executor owns the
 * stream counts and pending removals and does the store writes, off gRPC's threads.
 */
final class DataplaneRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataplaneRegistry.class);

  private final ResourceStore store;
  private final String zone;
  private final Duration gracePeriod;
  private final Scheduler scheduler;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "xds-registry"));
  // Confined to the executor.
  private final Map<String, Integer> streams = new HashMap<>();
  private final Map<String, ResourceKey> registered = new HashMap<>();
  private final Map<String, Removal> removals = new HashMap<>();

  private record Removal(Scheduler.Cancellable task) {}

  DataplaneRegistry(ResourceStore store, String zone, Duration grace, Scheduler scheduler) {
    this.store = store;
    this.zone = zone;
    this.gracePeriod = grace;
    this.scheduler = scheduler;
  }

  /** Notes a new stream of {@code node}; returns why it is refused, or null. */
  String connected(Node node) {
    Optional<NodeIds.DataplaneRef> ref = NodeIds.parse(node.getId());
    if (ref.isEmpty()) {
      return "node id '" + node.getId() + "' must be <mesh>.<dataplane>, e.g. default.web-1";
    }
    Resource dataplane = null;
    Value value = node.getMetadata().getFieldsMap().get(MetadataDataplane.KEY);
    if (value != null) {
      try {
        dataplane = MetadataDataplane.parse(value.getStringValue(), ref.get(), zone);
      } catch (MetadataDataplane.Invalid e) {
        return e.getMessage();
      }
    }
    Resource toRegister = dataplane;
    String nodeId = node.getId();
    executor.execute(() -> connect(nodeId, toRegister));
    return null;
  }

  void disconnected(String nodeId) {
    executor.execute(() -> disconnect(nodeId));
  }

  private void connect(String nodeId, Resource dataplane) {
    streams.merge(nodeId, 1, Integer::sum);
    Removal pending = removals.remove(nodeId);
    if (pending != null) {
      pending.task().cancel();
    }
    if (dataplane != null) {
      try {
        store.put(dataplane, ResourceStore.ANY);
        registered.put(nodeId, dataplane.key());
      } catch (Exception e) {
        LOG.error("Dataplane {}: registering it from its node metadata failed", nodeId, e);
      }
    }
  }

  private void disconnect(String nodeId) {
    if (streams.merge(nodeId, -1, Integer::sum) > 0 || !registered.containsKey(nodeId)) {
      streams.remove(nodeId, 0);
      return;
    }
    streams.remove(nodeId);
    Removal[] self = new Removal[1];
    self[0] =
        new Removal(
            scheduler.schedule(gracePeriod, () -> executor.execute(() -> expire(nodeId, self[0]))));
    removals.put(nodeId, self[0]);
  }

  /** Runs the removal {@code which}, unless a reconnect cancelled or replaced it. */
  private void expire(String nodeId, Removal which) {
    if (!removals.remove(nodeId, which)) {
      return;
    }
    ResourceKey key = registered.remove(nodeId);
    try {
      store.delete(key, ResourceStore.ANY);
      LOG.info("Dataplane {}: removed, its streams have been gone for {}", nodeId, gracePeriod);
    } catch (Exception e) {
      LOG.error("Dataplane {}: removing it after the grace period failed", nodeId, e);
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
