package dev.meridian.ctl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;

/** Format is the {@code -o} choice of get and inspect. */
public enum Format {
  table,
  json,
  yaml;

  /** JSON indented, or YAML; the answer's key order is kept. */
  public static String text(JsonNode node, Format format) {
    try {
      String text =
          format == yaml
              ? Json.YAML.writeValueAsString(node)
              : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
      return text.stripTrailing() + "\n";
    } catch (JsonProcessingException e) {
      // A tree read from JSON always writes back.
      throw new IllegalStateException(e);
    }
  }
}
