package dev.meridian.ctl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * ScriptedPeer is the other end of the wire for the remote commands' tests: an HTTP server on a
 * free loopback port that answers each scripted request with a canned response shaped exactly as
 * {@code docs/http-api.md} says, and records every request it receives. It has none of the server's
 * logic (no store, no validation): an unscripted request gets a 500 that fails the test. The real
 * global and zone nodes are being built in parallel; end-to-end tests of meridianctl against them
 * come with that integration.
 */
final class ScriptedPeer implements AutoCloseable {
  /** One request as received: method, raw path and query, content type and body. */
  record Request(String method, String uri, String contentType, String body) {}

  private record Canned(int status, String body, CountDownLatch hold) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Canned>> script = new HashMap<>(); // guarded by this
  private final List<Request> received = new CopyOnWriteArrayList<>();

  private ScriptedPeer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static ScriptedPeer start() throws IOException {
    return new ScriptedPeer();
  }

  /** {@code http://127.0.0.1:PORT}, for {@code --cp}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the next {@code method uri} (path and raw query) with {@code status} and JSON. */
  synchronized ScriptedPeer on(String method, String uri, int status, String json) {
    script
        .computeIfAbsent(method + " " + uri, k -> new ArrayDeque<>())
        .add(new Canned(status, json, null));
    return this;
  }

  /** Holds the answer until {@code release} counts down: a node that accepts and never answers. */
  synchronized ScriptedPeer hold(String method, String uri, CountDownLatch release) {
    script
        .computeIfAbsent(method + " " + uri, k -> new ArrayDeque<>())
        .add(new Canned(200, "{}", release));
    return this;
  }

  List<Request> received() {
    return List.copyOf(received);
  }

  /** {@code METHOD uri} of each request received, in order. */
  List<String> requestLines() {
    return received.stream().map(r -> r.method() + " " + r.uri()).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String uri = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      uri += "?" + exchange.getRequestURI().getRawQuery();
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    received.add(
        new Request(method, uri, exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Canned canned = next(method + " " + uri);
    if (canned.hold() != null) {
      await(canned.hold());
    }
    byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private synchronized Canned next(String key) {
    Deque<Canned> answers = script.get(key);
    if (answers == null || answers.isEmpty()) {
      return new Canned(
          500,
          "{\"title\": \"ScriptedPeer\", \"details\": \"unscripted request " + key + "\"}",
          null);
    }
    return answers.poll();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
