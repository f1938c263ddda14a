package dev.meridian.node.diagnostics;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * DiagnosticsServer serves {@code /metrics} (Prometheus text format), {@code /ready} (200 once the
 * node serves, 503 before and while stopping), {@code /health} (200 while the process runs) and
 * {@code GET /}, on a port of its own so that scrapes never queue behind API requests.
 */
public final class DiagnosticsServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin app;

  public DiagnosticsServer(PrometheusMeterRegistry registry, BooleanSupplier ready) {
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
            });
    app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    app.get("/health", ctx -> ctx.result("ok\n"));
    app.get("/", ctx -> ctx.result("Meridian diagnostics: /metrics /ready /health\n"));
    app.get(
        "/ready",
        ctx -> {
          boolean up = ready.getAsBoolean();
          ctx.status(up ? 200 : 503).result(up ? "ready\n" : "not ready\n");
        });
  }

  public void start(String host, int port) {
    app.start(host, port);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
