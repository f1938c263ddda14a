package dev.meridian.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.parse.Json;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.store.ResourceStore;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * ApiServer is a node's HTTP API: Javalin on Jetty, its routes and error handling, for the global
 * or a zone as its {@link ApiRole} says. Requests run on Jetty's thread pool; all shared state is
 * in the (thread-safe) store and the role's views.
 */
public final class ApiServer implements AutoCloseable {
  /** The version {@code GET /} reports. */
  public static final String VERSION = "0.1.0";

  private static final long STOP_TIMEOUT_MILLIS = 5_000;

  private final Javalin app;

  /**
   * @param bodyLimit the largest PUT body accepted, in bytes; larger ones answer 413
   */
  public ApiServer(ResourceStore store, ApiRole role, long bodyLimit, MeterRegistry registry) {
    RequestMetrics metrics = new RequestMetrics(registry);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.prefer405over404 = true;
              config.http.maxRequestSize = bodyLimit;
              config.router.ignoreTrailingSlashes = true;
              config.requestLogger.http(metrics::record);
              // A StatisticsHandler makes Jetty's stop graceful: it stops accepting, then waits up
              // to the stop timeout for requests in flight. Javalin nests its own handler inside.
              config.jetty.modifyServer(
                  server -> {
                    server.setHandler(new StatisticsHandler());
                    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                  });
            });
    ErrorBodies.install(app);
    app.get("/", ctx -> Responses.send(ctx, 200, index(role.name())));
    new ResourceRoutes(store, new BodyReader(bodyLimit), role.admission())
        .register(app, List.of(TrafficTraces.TYPE, MeshTraces.TYPE));
    new RulesRoute(store, role).register(app);
    role.registerRoutes(app);
  }

  /** Starts listening; port 0 picks a free port (see {@link #port()}). */
  public void start(String host, int port) {
    app.start(host, port);
  }

  /** The port it listens on, once started. */
  public int port() {
    return app.port();
  }

  /** Stops accepting requests and waits for those in progress. */
  @Override
  public void close() {
    app.stop();
  }

  private static ObjectNode index(String role) {
    return Json.MAPPER
        .createObjectNode()
        .put("product", "Meridian")
        .put("role", role)
        .put("version", VERSION);
  }
}
