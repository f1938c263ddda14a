package dev.meridian.global;

import dev.meridian.common.store.ResourceStore;
import dev.meridian.global.cluster.Replication;
import dev.meridian.global.config.GlobalConfig;
import dev.meridian.global.kds.KdsServer;
import dev.meridian.global.kds.ZoneStatus;
import dev.meridian.node.NodeLauncher;
import dev.meridian.node.Stack;
import dev.meridian.node.api.ApiRole;
import dev.meridian.node.api.ApiServer;
import dev.meridian.node.api.ZoneStatusView;
import dev.meridian.node.api.ZoneView;
import dev.meridian.node.diagnostics.DiagnosticsServer;
import dev.meridian.node.diagnostics.NodeMeters;
import dev.meridian.node.diagnostics.TimedResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GlobalNode wires a running global over a store it is given: diagnostics first (so {@code /ready}
 * answers 503 while the rest starts), then KDS, then the API. {@link #close()} undoes it in reverse
 * order: no new HTTP requests, then no zone streams, then the store. Start and close are called
 * from one thread (main, then the shutdown hook); {@code ready} is read by the diagnostics threads.
 */
public final class GlobalNode implements NodeLauncher.Node {
  private static final Logger LOG = LoggerFactory.getLogger(GlobalNode.class);

  private final GlobalConfig config;
  private final ResourceStore store;
  private final Replication replication;
  private final NodeMeters meters = new NodeMeters();
  private final Stack started = new Stack();
  private volatile boolean ready;
  private ApiServer api;
  private KdsServer kds;
  private DiagnosticsServer diagnostics;

  /** A standalone global; it owns {@code store} from now on and closes it in {@link #close()}. */
  public GlobalNode(GlobalConfig config, ResourceStore store) {
    this(config, store, Replication.STANDALONE);
  }

  /** A global whose store is replicated by {@code replication} (which starts with the node). */
  public GlobalNode(GlobalConfig config, ResourceStore store, Replication replication) {
    this.config = config;
    this.replication = replication;
    this.store = new TimedResourceStore(store, meters.registry());
    started.push(this.store);
    started.push(meters);
  }

  public synchronized void start() {
    String host = config.bindAddress();
    meters.gaugeResources(store);
    diagnostics =
        new DiagnosticsServer(meters.registry(), () -> ready && replication.reachesMajority());
    diagnostics.start(host, config.diagnosticsPort());
    started.push(diagnostics);
    replication.start(meters.registry());
    ZoneView zones = startKds();
    api = new ApiServer(store, ApiRole.global(zones), config.apiBodyLimit(), meters.registry());
    api.start(host, config.apiPort());
    started.push(api);
    ready = true;
    LOG.info("HTTP API listening on {}", url(api.port()));
    LOG.info("diagnostics listening on {} (/metrics, /ready, /health)", url(diagnostics.port()));
  }

  /** Starts the KDS server on the store; the API shows its zone registry (the cluster's zones). */
  private ZoneView startKds() {
    kds = new KdsServer(store, replication.zones(), meters.registry());
    kds.start(config.bindAddress(), config.kdsPort());
    started.push(kds);
    LOG.info("KDS listening on {}:{}", config.bindAddress(), kds.port());
    return () -> kds.zones().list().stream().map(GlobalNode::view).toList();
  }

  private static ZoneStatusView view(ZoneStatus z) {
    return new ZoneStatusView(
        z.name(),
        z.online(),
        z.lastConnected(),
        z.lastDisconnected(),
        z.ackedRevision(),
        z.nacks(),
        z.lastNack());
  }

  /** The KDS port, once started. */
  public int kdsPort() {
    return kds.port();
  }

  /** The API's port, once started (the configured one, or the one picked for port 0). */
  public int apiPort() {
    return api.port();
  }

  public int diagnosticsPort() {
    return diagnostics.port();
  }

  /** The store as the node uses it (its writes are timed). */
  public ResourceStore store() {
    return store;
  }

  public boolean isReady() {
    return ready;
  }

  /** Stops in reverse start order; each step runs even when an earlier one failed. */
  @Override
  public synchronized void close() {
    ready = false;
    if (started.closeAll(LOG)) {
      LOG.info("stopped");
    }
  }

  private String url(int port) {
    String host =
        config.bindAddress().contains(":")
            ? "[" + config.bindAddress() + "]"
            : config.bindAddress();
    return "http://" + host + ":" + port;
  }
}
