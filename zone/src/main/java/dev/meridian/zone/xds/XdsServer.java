package dev.meridian.zone.xds;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.xds.XdsResources;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.server.DefaultExecutorGroup;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.controlplane.server.serializer.CachedProtoResourcesSerializer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * XdsServer serves the zone's dataplanes over ADS (gRPC, state of the world). Each node {@code
 * <mesh>.<dataplane>} gets what {@code ProxyGenerator} renders for it from the local store, plus a
 * gRPC-client {@code api_listener} per outbound service; see the package documentation.
 */
public final class XdsServer implements AutoCloseable {
  private final XdsMetrics metrics;
  private final SimpleCache<String> cache = new SimpleCache<>(node -> node.getId());
  private final SnapshotGenerator generator;
  private final DataplaneRegistry registry;
  private final ScheduledExecutorService ownScheduler;
  private Server server;

  /**
   * @param localStore the zone's store: Meshes, policies and Dataplanes
   * @param zone this zone's name
   * @param allowedCollectorHosts the only hosts traces may go to; empty turns the guard off
   * @param gracePeriod how long a metadata-registered dataplane outlives its last stream
   */
  public XdsServer(
      ResourceStore localStore,
      String zone,
      Set<String> allowedCollectorHosts,
      Duration gracePeriod,
      MeterRegistry metrics) {
    this(localStore, zone, allowedCollectorHosts, gracePeriod, metrics, null);
  }

  /** As above, with the scheduler of grace-period removals (null: a daemon thread of its own). */
  XdsServer(
      ResourceStore localStore,
      String zone,
      Set<String> allowedCollectorHosts,
      Duration gracePeriod,
      MeterRegistry metrics,
      Scheduler scheduler) {
    this.metrics = new XdsMetrics(metrics);
    if (scheduler == null) {
      ownScheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "xds-grace");
                t.setDaemon(true);
                return t;
              });
      scheduler = Scheduler.of(ownScheduler);
    } else {
      ownScheduler = null;
    }
    LocalityGuard guard = new LocalityGuard(allowedCollectorHosts);
    DataplaneRenderer renderer = new DataplaneRenderer(zone, guard, cache, this.metrics);
    generator = new SnapshotGenerator(localStore, zone, renderer, this.metrics);
    registry = new DataplaneRegistry(localStore, zone, gracePeriod, scheduler);
  }

  /** Starts serving on {@code bind}:{@code port} (0: any free port, see {@link #port()}). */
  public void start(String bind, int port) throws IOException {
    generator.start();
    V3DiscoveryServer discovery =
        new V3DiscoveryServer(
            List.of(new StreamCallbacks(metrics, registry)),
            cache,
            new DefaultExecutorGroup(),
            new CachedProtoResourcesSerializer());
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(bind, port))
            .addService(discovery.getAggregatedDiscoveryServiceImpl())
            .build()
            .start();
  }

  public int port() {
    return server.getPort();
  }

  /** What dataplane {@code mesh}/{@code dataplane} is served now, if it is served. */
  public Optional<ServedDataplane> served(String mesh, String dataplane) {
    return generator.served(mesh, dataplane);
  }

  /** The xDS resources served now to the dataplane (the zone API's {@code .../xds}). */
  public Optional<XdsResources> current(String mesh, String dataplane) {
    return served(mesh, dataplane).map(ServedDataplane::xds);
  }

  /** The rules that apply to the dataplane (the zone API's {@code _rules}). */
  public Optional<DataplaneRules> rules(String mesh, String dataplane) {
    return served(mesh, dataplane).map(ServedDataplane::rules);
  }

  /**
   * Stops taking new streams, gives open ones a second to end, then cancels them (ADS streams do
   * not end by themselves; proxies reconnect elsewhere), and stops generating.
   */
  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      try {
        if (!server.awaitTermination(1, TimeUnit.SECONDS)) {
          server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        server.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    generator.close();
    registry.close();
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
  }
}
