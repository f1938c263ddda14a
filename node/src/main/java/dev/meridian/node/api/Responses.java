package dev.meridian.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Responses writes a body as JSON, or as YAML when the request's {@code Accept} asks for it. */
final class Responses {
  static final String JSON = "application/json";
  static final String YAML = "application/yaml";

  private Responses() {}

  static void send(Context ctx, int status, JsonNode body) {
    boolean yaml = wantsYaml(ctx.header("Accept"));
    try {
      String text =
          yaml ? Json.YAML.writeValueAsString(body) : Json.MAPPER.writeValueAsString(body);
      ctx.status(status).contentType(yaml ? YAML : JSON).result(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True for {@code application/yaml} and its older spellings, unless JSON is listed first. */
  static boolean wantsYaml(String accept) {
    if (accept == null) {
      return false;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    int yaml = firstOf(a, "application/yaml", "application/x-yaml", "text/yaml");
    int json = a.indexOf(JSON);
    return yaml >= 0 && (json < 0 || yaml < json);
  }

  private static int firstOf(String text, String... options) {
    int first = -1;
    for (String option : options) {
      int at = text.indexOf(option);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
