package dev.meridian.ctl.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * ControlPlaneClient sends the requests of {@code docs/http-api.md} to one node, JSON both ways.
 * One instance per command run; {@link HttpClient} is thread-safe but nothing here needs it.
 */
public final class ControlPlaneClient {
  private final URI base;
  private final Timeouts timeouts;
  private final HttpClient http;

  /** {@code base} is the node's URL, e.g. {@code http://127.0.0.1:5681}; a path is a prefix. */
  public ControlPlaneClient(URI base, Timeouts timeouts) {
    this.base = Objects.requireNonNull(base, "base");
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeouts.connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public URI base() {
    return base;
  }

  /** GET of one resource or view; the body of a 200. */
  public JsonNode get(String path) throws RemoteFailure {
    return json(send(request(path).GET(), path), path);
  }

  /** PUT of one resource; whether it was created (201) or replaced (200), and the warnings. */
  public Written put(String path, JsonNode resource) throws RemoteFailure {
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.ofString(resource.toString(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(request(path).header("Content-Type", "application/json").PUT(body), path);
    return Written.of(response.statusCode() == 201, json(response, path));
  }

  /** DELETE; the body lists what was deleted. */
  public JsonNode delete(String path) throws RemoteFailure {
    return json(send(request(path).DELETE(), path), path);
  }

  /** Every item of a list, following {@code next} until it is null. */
  public List<JsonNode> list(String path) throws RemoteFailure {
    List<JsonNode> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String page = path;
    while (page != null) {
      if (!seen.add(page)) {
        throw new RemoteFailure(
            "the control plane at " + base + " sent the same next page twice (" + page + ")");
      }
      JsonNode body = get(page);
      body.path("items").forEach(items::add);
      JsonNode next = body.path("next");
      page = next.isTextual() && !next.asText().isEmpty() ? pathOf(next.asText()) : null;
    }
    return items;
  }

  /**
   * The path and query of a {@code next} link. The node may name itself by an address this client
   * cannot reach (a bind address, a name inside a cluster), so the scheme and host of {@code --cp}
   * are kept.
   */
  static String pathOf(String next) {
    URI uri = URI.create(next);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private HttpRequest.Builder request(String path) {
    String prefix = base.toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(prefix + path))
        .timeout(timeouts.request())
        .header("Accept", "application/json")
        .header("User-Agent", "meridianctl/0.1.0");
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String path) throws RemoteFailure {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw Unreachable.of(base, e, timeouts);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteFailure("interrupted while waiting for " + base + path);
    }
    if (response.statusCode() >= 300) {
      throw ApiError.of(response.statusCode(), response.body());
    }
    return response;
  }

  private JsonNode json(HttpResponse<String> response, String path) throws RemoteFailure {
    try {
      JsonNode node = Json.MAPPER.readTree(response.body());
      if (node != null && !node.isMissingNode()) {
        return node;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new RemoteFailure(
        "the control plane at "
            + base
            + " answered "
            + path
            + " with "
            + response.statusCode()
            + " but not JSON; is --cp the API address (port 5681)?");
  }
}
