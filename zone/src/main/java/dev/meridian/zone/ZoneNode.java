package dev.meridian.zone;

import dev.meridian.common.store.ResourceStore;
import dev.meridian.node.diagnostics.DiagnosticsServer;
import dev.meridian.node.diagnostics.NodeMeters;
import dev.meridian.node.diagnostics.TimedResourceStore;
import dev.meridian.zone.config.ZoneConfig;
import dev.meridian.zone.kds.KdsClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZoneNode wires a running zone over the local store it is given: diagnostics first, then the KDS
 * client, then the integration points for the xDS server and the zone HTTP API. {@code /ready}
 * answers 200 once the node serves a configuration: the local copy it loaded from disk was not
 * empty, or a first sync with the global completed. {@link #close()} undoes the start in reverse
 * order and closes the store last. Start and close run on one thread (main, then the shutdown
 * hook); readiness is read by the diagnostics threads.
 */
public final class ZoneNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ZoneNode.class);

  private final ZoneConfig config;
  private final ResourceStore store;
  private final NodeMeters meters = new NodeMeters();
  private final List<AutoCloseable> started = new ArrayList<>();
  private volatile boolean running;
  private volatile boolean loadedCopy;
  private volatile KdsClient kds;
  private DiagnosticsServer diagnostics;

  /** The node owns {@code store} from now on and closes it in {@link #close()}. */
  public ZoneNode(ZoneConfig config, ResourceStore store) {
    this.config = config;
    this.store = new TimedResourceStore(store, meters.registry());
    started.add(this.store);
    started.add(meters);
  }

  public synchronized void start() {
    int held = store.snapshot().resources().size();
    loadedCopy = held > 0;
    LOG.info(
        "zone {}: local copy in {} holds {} resources",
        config.zoneName(),
        config.dataDir().toAbsolutePath(),
        held);
    meters.gaugeResources(store);
    diagnostics = new DiagnosticsServer(meters.registry(), this::isReady);
    diagnostics.start(config.bindAddress(), config.diagnosticsPort());
    started.add(diagnostics);
    startKds();
    startXdsServer();
    startZoneApi();
    running = true;
    LOG.info("diagnostics listening on {} (/metrics, /ready, /health)", url(diagnostics.port()));
  }

  private void startKds() {
    KdsClient client =
        new KdsClient(config.zoneName(), config.globalAddress(), store, meters.registry());
    started.add(client);
    kds = client;
    client.start();
    LOG.info("KDS: dialling the global at {}", config.globalAddress());
  }

  /**
   * Integration point for {@code dev.meridian.zone.xds.XdsServer} on {@link ZoneConfig#xdsPort()};
   * it serves the local store to Envoy and is wired in at integration.
   */
  private void startXdsServer() {
    LOG.info(
        "xDS (port {}) is added by the integration of dev.meridian.zone.xds.XdsServer; this"
            + " build syncs with the global and serves diagnostics",
        config.xdsPort());
  }

  /**
   * Integration point for the zone HTTP API ({@code node.api.ApiServer} with the zone role) on
   * {@link ZoneConfig#apiPort()}, wired in at integration.
   */
  private void startZoneApi() {
    LOG.info(
        "the zone HTTP API (port {}) is added by the integration of the zone role of"
            + " node.api.ApiServer",
        config.apiPort());
  }

  /** Serving: the local copy was loaded non-empty, or a first sync with the global completed. */
  public boolean isReady() {
    KdsClient client = kds;
    return running && (loadedCopy || (client != null && client.isSynced()));
  }

  public int diagnosticsPort() {
    return diagnostics.port();
  }

  /** The store as the node uses it (its writes are timed). */
  public ResourceStore store() {
    return store;
  }

  /** Stops in reverse start order; each step runs even when an earlier one failed. */
  @Override
  public synchronized void close() {
    running = false;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed", started.get(i).getClass().getSimpleName(), e);
      }
    }
    boolean wasRunning = !started.isEmpty();
    started.clear();
    if (wasRunning) {
      LOG.info("stopped");
    }
  }

  private String url(int port) {
    String host = config.bindAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
