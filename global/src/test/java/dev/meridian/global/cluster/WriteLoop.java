package dev.meridian.global.cluster;

import dev.meridian.node.testing.PackagedGlobal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * WriteLoop is a client that keeps writing MeshTraces through every replica at once, one thread per
 * replica, each write after the previous one's answer, and records every answer.
 */
final class WriteLoop implements AutoCloseable {
  /** One write and its answer (status 0: no answer, e.g. connection refused). */
  record Attempt(String name, int replica, Instant sent, Instant answered, int status) {}

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  WriteLoop(List<PackagedGlobal> replicas) {
    for (int r = 0; r < replicas.size(); r++) {
      int replica = r;
      PackagedGlobal global = replicas.get(r);
      Thread t = new Thread(() -> run(replica, global), "write-loop-" + r);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void run(int replica, PackagedGlobal global) {
    for (int i = 0; running.get(); i++) {
      String name = "loop-" + replica + "-" + i;
      Instant sent = Instant.now();
      int status = 0;
      try {
        HttpResponse<String> answer =
            global.put("/meshes/default/meshtraces/" + name, meshTrace(name), "application/yaml");
        status = answer.statusCode();
      } catch (Exception e) {
        status = 0;
      }
      attempts.add(new Attempt(name, replica, sent, Instant.now(), status));
      if (status / 100 != 2) {
        pace();
      }
    }
  }

  /** After a failure, do not spin against a dead replica. */
  private static void pace() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** The names of every write answered 2xx. */
  List<String> acknowledged() {
    return attempts.stream().filter(a -> a.status() / 100 == 2).map(Attempt::name).toList();
  }

  long acknowledgedSentAfter(Instant t) {
    return attempts.stream().filter(a -> a.status() / 100 == 2 && a.sent().isAfter(t)).count();
  }

  /** From {@code t} to the answer of the first write sent after it and acknowledged. */
  Duration resumedAfter(Instant t) {
    return attempts.stream()
        .filter(a -> a.status() / 100 == 2 && a.sent().isAfter(t))
        .map(a -> Duration.between(t, a.answered()))
        .min(Duration::compareTo)
        .orElseThrow();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(40_000);
    }
  }

  static String meshTrace(String name) {
    return """
        type: MeshTrace
        name: %s
        mesh: default
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
            - zipkin:
                url: http://%s.zipkin:9411/api/v2/spans
        """
        .formatted(name, name);
  }
}
