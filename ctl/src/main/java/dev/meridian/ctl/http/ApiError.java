package dev.meridian.ctl.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ApiError is an HTTP error answer. Kuma's body ({@code title}, {@code details}, {@code causes})
 * prints as {@code <title>: <details>} and one {@code <field>: <message>} line per cause; any other
 * body prints with the status.
 */
public final class ApiError extends RemoteFailure {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ApiError of(int status, String body) {
    return new ApiError(status, describe(status, body));
  }

  static String describe(int status, String body) {
    JsonNode json = parse(body);
    if (json == null || !json.path("title").isTextual()) {
      String text = body == null ? "" : body.strip();
      if (text.isEmpty()) {
        return "the control plane answered " + status + " with no body";
      }
      if (text.length() > 500) {
        text = text.substring(0, 500) + "...";
      }
      return "the control plane answered " + status + ": " + text;
    }
    List<String> lines = new ArrayList<>();
    String details = json.path("details").asText("");
    lines.add(json.get("title").asText() + (details.isEmpty() ? "" : ": " + details));
    for (JsonNode cause : json.path("causes")) {
      String field = cause.path("field").asText("");
      String message = cause.path("message").asText("");
      lines.add("  " + (field.isEmpty() ? message : field + ": " + message));
    }
    return String.join("\n", lines);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
