package dev.meridian.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.parse.Json;
import dev.meridian.common.store.StoreUnavailableException;
import dev.meridian.common.validation.Violation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ErrorBodies answers every failure with Kuma's error body {@code {"title", "details", "causes"}}:
 * the API's own errors, Javalin's 404 and 405, a store that cannot take writes now (503), and
 * unexpected exceptions (500, logged, with no stack trace in the answer).
 */
final class ErrorBodies {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorBodies.class);

  private ErrorBodies() {}

  static void install(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> send(ctx, e));
    app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, fromJavalin(e, ctx)));
    app.exception(
        StoreUnavailableException.class,
        (e, ctx) ->
            send(ctx, new ApiException(503, "Store unavailable", e.getMessage(), List.of())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          send(
              ctx,
              new ApiException(
                  500,
                  "Internal server error",
                  "The request failed unexpectedly; the node's log has the details",
                  List.of()));
        });
  }

  static ObjectNode body(String title, String details, List<Violation> causes) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("title", title);
    body.put("details", details);
    ArrayNode list = body.putArray("causes");
    for (Violation cause : causes) {
      list.addObject().put("field", cause.field()).put("message", cause.message());
    }
    return body;
  }

  private static void send(Context ctx, ApiException e) {
    Responses.send(ctx, e.status(), body(e.title(), e.details(), e.causes()));
  }

  /** Javalin raises these for a path no route matches and for a method the path does not take. */
  private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
    String request = ctx.method() + " " + ctx.path();
    return switch (e.getStatus()) {
      case 404 ->
          ApiException.notFound(
              "Not found",
              "No such path: " + request + "; the paths are listed in docs/http-api.md");
      case 405 ->
          new ApiException(
              405,
              "Method not allowed",
              ctx.method() + " is not allowed on " + ctx.path() + allowed(e),
              List.of());
      default -> new ApiException(e.getStatus(), "Request failed", e.getMessage(), List.of());
    };
  }

  private static String allowed(HttpResponseException e) {
    String methods = e.getDetails().get("availableMethods");
    return methods == null ? "" : "; allowed: " + methods.replaceAll("[\\[\\]]", "");
  }
}
