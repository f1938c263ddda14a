package dev.meridian.ctl.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Written is the answer to a PUT: created or replaced, and the server's warnings as lines. */
public record Written(boolean created, List<String> warnings) {
  public Written {
    warnings = List.copyOf(warnings);
  }

  static Written of(boolean created, JsonNode body) {
    List<String> warnings = new ArrayList<>();
    for (JsonNode w : body.path("warnings")) {
      String field = w.path("field").asText("");
      String message = w.path("message").asText("");
      warnings.add(field.isEmpty() ? message : field + ": " + message);
    }
    return new Written(created, warnings);
  }
}
