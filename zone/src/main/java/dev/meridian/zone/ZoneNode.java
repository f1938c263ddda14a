package dev.meridian.zone;

import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.xds.XdsResources;
import dev.meridian.node.NodeLauncher;
import dev.meridian.node.Stack;
import dev.meridian.node.api.ApiRole;
import dev.meridian.node.api.ApiServer;
import dev.meridian.node.api.ServedView;
import dev.meridian.node.diagnostics.DiagnosticsServer;
import dev.meridian.node.diagnostics.NodeMeters;
import dev.meridian.node.diagnostics.TimedResourceStore;
import dev.meridian.zone.config.ZoneConfig;
import dev.meridian.zone.kds.KdsClient;
import dev.meridian.zone.xds.ServedDataplane;
import dev.meridian.zone.xds.XdsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZoneNode wires a running zone over the local store it is given: diagnostics first, then the KDS
 * client, then the xDS server, then the zone HTTP API. {@code /ready} answers 200 once the node
 * serves a configuration: the local copy it loaded from disk was not empty, or a first sync with
 * the global completed. {@link #close()} undoes the start in reverse order and closes the store
 * last. Start and close run on one thread (main, then the shutdown hook); readiness is read by the
 * diagnostics threads.
 */
public final class ZoneNode implements NodeLauncher.Node {
  private static final Logger LOG = LoggerFactory.getLogger(ZoneNode.class);

  private final ZoneConfig config;
  private final ResourceStore store;
  private final NodeMeters meters = new NodeMeters();
  private final Stack started = new Stack();
  private volatile boolean running;
  private volatile boolean loadedCopy;
  private volatile KdsClient kds;
  private DiagnosticsServer diagnostics;
  private XdsServer xds;
  private ApiServer api;

  /** The node owns {@code store} from now on and closes it in {@link #close()}. */
  public ZoneNode(ZoneConfig config, ResourceStore store) {
    this.config = config;
    this.store = new TimedResourceStore(store, meters.registry());
    started.push(this.store);
    started.push(meters);
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
    started.push(diagnostics);
    startKds();
    startXdsServer();
    startZoneApi();
    running = true;
    LOG.info("diagnostics listening on {} (/metrics, /ready, /health)", url(diagnostics.port()));
  }

  private void startKds() {
    KdsClient client =
        new KdsClient(config.zoneName(), config.globalAddresses(), store, meters.registry());
    started.push(client);
    kds = client;
    client.start();
    LOG.info("KDS: dialling the global at {}", config.globalAddresses());
  }

  /** The xDS server: serves the local store to the zone's Envoy proxies. */
  private void startXdsServer() {
    xds =
        new XdsServer(
            store,
            config.zoneName(),
            Set.copyOf(config.allowedCollectors()),
            config.xdsGracePeriod(),
            meters.registry());
    started.push(xds);
    try {
      xds.start(config.bindAddress(), config.xdsPort());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for xDS on "
              + config.bindAddress()
              + ":"
              + config.xdsPort()
              + " (MERIDIAN_XDS_PORT, MERIDIAN_BIND_ADDRESS): "
              + e.getMessage(),
          e);
    }
    LOG.info(
        "xDS (ADS) listening on {}:{}{}",
        config.bindAddress(),
        xds.port(),
        config.allowedCollectors().isEmpty()
            ? ""
            : "; locality guard allows only collectors " + config.allowedCollectors());
  }

  /**
   * The zone HTTP API: global-owned resources read-only, dataplanes and zone MeshTraces writable.
   */
  private void startZoneApi() {
    ServedView served =
        new ServedView() {
          @Override
          public Optional<String> xdsJson(String mesh, String dataplane) {
            return xds.current(mesh, dataplane).map(XdsResources::toJson);
          }

          @Override
          public Optional<List<String>> refusals(String mesh, String dataplane) {
            return xds.served(mesh, dataplane).map(ServedDataplane::refusals);
          }
        };
    api =
        new ApiServer(
            store,
            ApiRole.zone(config.zoneName(), served),
            config.apiBodyLimit(),
            meters.registry());
    api.start(config.bindAddress(), config.apiPort());
    started.push(api);
    LOG.info("HTTP API listening on {}", url(api.port()));
  }

  /** The API's port, once started. */
  public int apiPort() {
    return api.port();
  }

  /** The xDS port, once started. */
  public int xdsPort() {
    return xds.port();
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
    if (started.closeAll(LOG)) {
      LOG.info("stopped");
    }
  }

  private String url(int port) {
    String host = config.bindAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
