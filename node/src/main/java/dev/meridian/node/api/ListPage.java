package dev.meridian.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.parse.Json;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * ListPage answers a list request: {@code ?size=} (default 100, at most 1000), {@code ?offset=} and
 * {@code ?name=} (a name prefix) over items already in order, as {@code {"total", "items", "next"}}
 * where {@code next} is the URL of the following page or null.
 */
record ListPage(int size, int offset, String prefix) {
  static final int DEFAULT_SIZE = 100;
  static final int MAX_SIZE = 1000;

  static ListPage of(Context ctx) {
    int size = number(ctx.queryParam("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE);
    int offset = number(ctx.queryParam("offset"), "offset", 0, 0, Integer.MAX_VALUE);
    String prefix = ctx.queryParam("name");
    return new ListPage(size, offset, prefix == null ? "" : prefix);
  }

  <T> void send(Context ctx, List<T> items, Function<T, String> name, Function<T, JsonNode> json) {
    List<T> matching = items.stream().filter(i -> name.apply(i).startsWith(prefix)).toList();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("total", matching.size());
    var array = body.putArray("items");
    int end = (int) Math.min(matching.size(), (long) offset + size);
    for (int i = offset; i < end; i++) {
      array.add(json.apply(matching.get(i)));
    }
    if (end < matching.size()) {
      body.put("next", next(ctx, end));
    } else {
      body.putNull("next");
    }
    Responses.send(ctx, 200, body);
  }

  private String next(Context ctx, int nextOffset) {
    StringBuilder url = new StringBuilder();
    url.append(ctx.scheme()).append("://").append(ctx.host()).append(ctx.path());
    url.append("?size=").append(size).append("&offset=").append(nextOffset);
    if (!prefix.isEmpty()) {
      url.append("&name=").append(URLEncoder.encode(prefix, StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  private static int number(String text, String param, int absent, int min, int max) {
    if (text == null) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badParameter(
        "Could not list resources",
        param,
        "\"" + text + "\" is not a number from " + min + " to " + max);
  }
}
