package dev.meridian.node.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * RequestMetrics times every API request by method, route template (not the raw path, which would
 * make one series per resource) and status: {@code meridian_api_requests_seconds}.
 */
final class RequestMetrics {
  static final String NAME = "meridian.api.requests";
  private static final String UNMATCHED = "unmatched";

  private final MeterRegistry registry;

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(Context ctx, float millis) {
    Timer.builder(NAME)
        .description("HTTP API requests, by method, route template and status")
        .tag("method", ctx.method().name())
        .tag("route", route(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000L)));
  }

  private static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() || path.equals("*") ? UNMATCHED : path;
    } catch (RuntimeException e) {
      return UNMATCHED; // no endpoint matched the request (404, 405)
    }
  }
}
