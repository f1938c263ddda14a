package dev.meridian.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import dev.meridian.common.store.JournaledResourceStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** ApiFixture runs an {@link ApiServer} on 127.0.0.1 over an in-memory store, and a client. */
final class ApiFixture implements AutoCloseable {
  static final long BODY_LIMIT = 64 * 1024;

  final JournaledResourceStore store = JournaledResourceStore.inMemory();
  final List<ZoneStatusView> zones = new ArrayList<>();
  private final ApiServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  /** The global's API, with a zone view over {@link #zones}. */
  ApiFixture() {
    this((ZoneView) null);
  }

  /** The global's API with {@code zoneView}, or null for one over {@link #zones}. */
  ApiFixture(ZoneView zoneView) {
    ZoneView view = zoneView != null ? zoneView : () -> List.copyOf(zones);
    server = start(ApiRole.global(view));
  }

  /** The API in {@code role}. */
  ApiFixture(ApiRole role) {
    server = start(role);
  }

  private ApiServer start(ApiRole role) {
    ApiServer api = new ApiServer(store, role, BODY_LIMIT, new SimpleMeterRegistry());
    api.start("127.0.0.1", 0);
    return api;
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> put(String path, String body, String... headers) {
    return send(request(path, headers).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  HttpResponse<String> method(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return b;
  }

  /** Stores a resource through the API and checks it was accepted. */
  void create(String path, String body) {
    HttpResponse<String> response = put(path, body);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts status and the whole body, compared as JSON. */
  static void assertResponse(HttpResponse<String> response, int status, String body) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response.body())).isEqualTo(json(body));
  }

  @Override
  public void close() {
    server.close();
  }
}
