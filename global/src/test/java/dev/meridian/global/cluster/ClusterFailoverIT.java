package dev.meridian.global.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.node.testing.PackagedGlobal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three packaged globals as replicas of one cluster (split brain resolver stable after 3 s): the
 * issue's scenarios 1 (kill -9 of the writer's replica mid-stream), 3 (SIGSTOP of one, then two
 * replicas) and 4 (a full restart), each with real processes and bounded in time.
 */
@Timeout(300)
class ClusterFailoverIT {
  private static final Duration STABLE_AFTER = Duration.ofSeconds(3);
  private static final String MESH = "type: Mesh\nname: default\n";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private List<PackagedGlobal> replicas = List.of();

  @AfterEach
  void stop() throws InterruptedException {
    for (PackagedGlobal replica : replicas) {
      replica.close();
    }
  }

  @Test
  void killingTheWritersReplicaLosesNoAcknowledgedWrite() throws Exception {
    replicas = PackagedGlobal.startCluster(dir, 3, STABLE_AFTER);
    assertThat(replicas.get(0).put("/meshes/default", MESH, "application/yaml").statusCode())
        .isEqualTo(201);
    PackagedGlobal writer = replicas.get(writer());
    List<PackagedGlobal> survivors = new ArrayList<>(replicas);
    survivors.remove(writer);

    Instant killed;
    Duration resumed;
    List<String> acknowledged;
    try (WriteLoop loop = new WriteLoop(replicas)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> loop.acknowledged().size() >= 30);
      killed = Instant.now();
      writer.kill();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> loop.acknowledgedSentAfter(killed) >= 20);
      resumed = loop.resumedAfter(killed);
      loop.close();
      acknowledged = loop.acknowledged();
    }
    System.out.printf(
        "scenario 1: %d writes acknowledged; writes resumed %d ms after kill -9 of the writer%n",
        acknowledged.size(), resumed.toMillis());
    assertThat(resumed).isLessThan(Duration.ofSeconds(30));

    for (PackagedGlobal survivor : survivors) {
      awaitAllReadable(survivor, acknowledged);
    }
    writer.startAgain();
    awaitAllReadable(writer, acknowledged);
    System.out.printf(
        "scenario 1: replicated write latency on the new writer: mean %.1f ms%n",
        meanReplicationMillis());
  }

  @Test
  void pausedReplicasCatchUpAndTwoPausedStopWrites() throws Exception {
    replicas = PackagedGlobal.startCluster(dir, 3, STABLE_AFTER);
    assertThat(replicas.get(0).put("/meshes/default", MESH, "application/yaml").statusCode())
        .isEqualTo(201);
    int writer = writer();
    PackagedGlobal paused = replicas.get((writer + 1) % 3);
    List<PackagedGlobal> others = List.of(replicas.get(writer), replicas.get((writer + 2) % 3));

    paused.pause();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "while-paused-" + i;
      HttpResponse<String> answer = put(others.get(i % 2), name);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      written.add(name);
    }
    // Paused long enough for the others to down it: resumed, it must rejoin as a new member.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> others.get(0).metric("meridian_cluster_members{status=\"up\"}") == 2);
    paused.resume();
    awaitAllReadable(paused, written);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> others.get(0).metric("meridian_cluster_members{status=\"up\"}") == 3);

    PackagedGlobal alone = replicas.get(writer);
    PackagedGlobal[] two = {replicas.get((writer + 1) % 3), replicas.get((writer + 2) % 3)};
    for (PackagedGlobal p : two) {
      p.pause();
    }
    Instant pausedAt = Instant.now();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> refused = put(alone, "refused");
              assertThat(refused.statusCode()).isEqualTo(503);
              // refused for want of a majority (not a write that timed out on the way there)
              assertThat(refused.body()).contains("up and reachable", "need a majority");
            });
    assertThat(alone.get("/meshes/default/meshtraces/while-paused-0").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> alone.status("/ready") == 503); // without a majority
    System.out.printf(
        "scenario 3: writes refused with 503 %d ms after two replicas were paused%n",
        Duration.between(pausedAt, Instant.now()).toMillis());

    for (PackagedGlobal p : two) {
      p.resume();
    }
    Instant resumedAt = Instant.now();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> put(alone, "after-resume").statusCode() / 100 == 2);
    System.out.printf(
        "scenario 3: writes accepted again %d ms after the two resumed%n",
        Duration.between(resumedAt, Instant.now()).toMillis());
    for (PackagedGlobal replica : replicas) {
      awaitAllReadable(replica, List.of("while-paused-19", "after-resume"));
      await().atMost(Duration.ofSeconds(60)).until(() -> replica.status("/ready") == 200);
    }
  }

  @Test
  void aFullRestartLosesNothing() throws Exception {
    replicas = PackagedGlobal.startCluster(dir, 3, STABLE_AFTER);
    assertThat(replicas.get(0).put("/meshes/default", MESH, "application/yaml").statusCode())
        .isEqualTo(201);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String name = "before-restart-" + i;
      assertThat(put(replicas.get(i % 3), name).statusCode()).isEqualTo(201);
      written.add(name);
    }
    for (PackagedGlobal replica : replicas) {
      replica.kill();
    }
    for (PackagedGlobal replica : replicas) {
      replica.launch();
    }
    for (PackagedGlobal replica : replicas) {
      replica.awaitReady();
    }
    for (PackagedGlobal replica : replicas) {
      awaitAllReadable(replica, written);
    }
    assertThat(put(replicas.get(2), "after-restart").statusCode()).isEqualTo(201);
  }

  /** The index of the replica whose metrics say the writer runs there. */
  private int writer() {
    int[] found = {-1};
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              for (int i = 0; i < replicas.size(); i++) {
                if (replicas.get(i).metric("meridian_cluster_writer") == 1) {
                  found[0] = i;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  private double meanReplicationMillis() throws Exception {
    PackagedGlobal writer = replicas.get(writer());
    return 1000
        * writer.metric("meridian_cluster_replication_seconds_sum")
        / writer.metric("meridian_cluster_replication_seconds_count");
  }

  private static HttpResponse<String> put(PackagedGlobal global, String name) throws Exception {
    return global.put(
        "/meshes/default/meshtraces/" + name, WriteLoop.meshTrace(name), "application/yaml");
  }

  private static void awaitAllReadable(PackagedGlobal global, List<String> names) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              List<String> missing = new ArrayList<>();
              for (String name : names) {
                if (global.get("/meshes/default/meshtraces/" + name).statusCode() != 200) {
                  missing.add(name);
                }
              }
              assertThat(missing).as("acknowledged but not readable").isEmpty();
            });
  }
}
