package dev.meridian.zone.xds;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.server.serializer.CachedProtoResourcesSerializer;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.micrometer.core.instrument.Timer;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DataplaneRenderer renders one dataplane and sets its snapshot, unless the inputs of its last
 * rendering are unchanged (then nothing is generated and no version moves). Called from the
 * generator's workers, never twice at once for the same dataplane.
 *
 * <p>Listeners, clusters and load assignments equal to one another dataplane already has are shared
 * (interned): they take memory once, compare by identity, and the xDS server's serializer packs
 * each once for every stream.
 */
final class DataplaneRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(DataplaneRenderer.class);

  private final String zone;
  private final LocalityGuard guard;
  private final SimpleCache<String> cache;
  private final XdsMetrics metrics;
  private final Map<String, Inputs> lastInputs = new ConcurrentHashMap<>();
  private final Interner<Message> shared = Interners.newWeakInterner();
  // Its cache of packed resources is static: shared with the one XdsServer gives the streams.
  private final CachedProtoResourcesSerializer serializer = new CachedProtoResourcesSerializer();

  /**
   * Inputs is all a dataplane's resources depend on: itself (in its zone), its rules and the
   * endpoints of its outbound services.
   */
  record Inputs(
      Resource dataplane,
      DataplaneRules rules,
      Map<String, List<EndpointIndex.Endpoint>> outboundEndpoints) {}

  DataplaneRenderer(
      String zone, LocalityGuard guard, SimpleCache<String> cache, XdsMetrics metrics) {
    this.zone = zone;
    this.guard = guard;
    this.cache = cache;
    this.metrics = metrics;
  }

  /** The new served state, or empty when the inputs are unchanged or generation failed. */
  Optional<ServedDataplane> render(
      String nodeId, Inputs inputs, EndpointIndex endpoints, ServedDataplane previous) {
    if (inputs.equals(lastInputs.get(nodeId))) {
      return Optional.empty();
    }
    Timer.Sample sample = Timer.start();
    try {
      LocalityGuard.Decision decision = guard.check(inputs.rules());
      XdsResources base =
          ProxyGenerator.generate(inputs.dataplane(), zone, decision.rendered(), endpoints);
      List<Listener> listeners = new ArrayList<>(intern(base.listeners()));
      listeners.addAll(ApiListeners.of(inputs.dataplane()));
      XdsResources xds =
          new XdsResources(listeners, intern(base.clusters()), intern(base.endpoints()));
      Map<String, String> versions = Snapshots.versions(xds, previous);
      ServedDataplane served =
          new ServedDataplane(inputs.rules(), xds, decision.refusals(), versions);
      // SimpleCache answers the streams inside one lock for all dataplanes; packing here, on this
      // worker, leaves it only cache hits to do there.
      List<Any> packed = pack(xds);
      cache.setSnapshot(nodeId, Snapshots.of(xds, versions));
      Reference.reachabilityFence(packed); // the cache holds each packed resource weakly
      lastInputs.put(nodeId, inputs);
      for (String refusal : decision.refusals()) {
        metrics.localityRefusal(inputs.dataplane().mesh());
        LOG.warn("Dataplane {}: {}", nodeId, refusal);
      }
      return Optional.of(served);
    } catch (RuntimeException e) {
      metrics.generationErrors.increment();
      LOG.error("Dataplane {}: generating its xDS resources failed; it keeps its last", nodeId, e);
      return Optional.empty();
    } finally {
      sample.stop(metrics.generation);
    }
  }

  private List<Any> pack(XdsResources xds) {
    List<Any> packed = new ArrayList<>();
    for (List<? extends Message> type : List.of(xds.listeners(), xds.clusters(), xds.endpoints())) {
      type.forEach(r -> packed.add(serializer.serialize(r, Resources.ApiVersion.V3)));
    }
    return packed;
  }

  @SuppressWarnings("unchecked")
  private <T extends Message> List<T> intern(List<T> resources) {
    return resources.stream().map(r -> (T) shared.intern(r)).toList();
  }

  void remove(String nodeId) {
    lastInputs.remove(nodeId);
    cache.clearSnapshot(nodeId);
  }
}
