package dev.meridian.global.kds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import dev.meridian.global.kds.KdsTestClient.Answer;
import dev.meridian.node.testing.PackagedGlobal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three packaged globals as replicas of one cluster and a zone played by {@link KdsTestClient}:
 * every replica lists the zone and knows where it is online, and its status survives the replica it
 * was connected to.
 */
@Timeout(240)
class SharedZonesIT {
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
  void everyReplicaKnowsTheZoneAndItOutlivesItsReplica() throws Exception {
    replicas = PackagedGlobal.startCluster(dir, 3, Duration.ofSeconds(3));
    PackagedGlobal first = replicas.get(0);
    PackagedGlobal second = replicas.get(1);
    PackagedGlobal third = replicas.get(2);

    Instant connected;
    try (KdsTestClient zone = new KdsTestClient(first.kdsPort())) {
      zone.connect("east", Answer.ACK);
      for (PackagedGlobal replica : replicas) {
        await().atMost(Duration.ofSeconds(20)).until(() -> online(replica, "east"));
      }
      connected = Instant.parse(status(third, "east").get("lastConnected").asText());

      first.kill();
      // The zone's replica is gone and the zone has not connected elsewhere: offline everywhere,
      // with what was known of it kept.
      for (PackagedGlobal survivor : List.of(second, third)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !online(survivor, "east"));
        assertThat(Instant.parse(status(survivor, "east").get("lastConnected").asText()))
            .isEqualTo(connected);
      }
    }

    try (KdsTestClient zone = new KdsTestClient(second.kdsPort())) {
      zone.connect("east", Answer.ACK);
      await().atMost(Duration.ofSeconds(20)).until(() -> online(third, "east"));
      assertThat(Instant.parse(status(third, "east").get("lastConnected").asText()))
          .isAfter(connected);

      // Restarted, the killed replica learns the zone from the others.
      first.startAgain();
      await().atMost(Duration.ofSeconds(30)).until(() -> online(first, "east"));
    }
    // The zone left its replica: it goes offline on every replica.
    for (PackagedGlobal replica : replicas) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !online(replica, "east"));
    }
    assertThat(Json.MAPPER.readTree(first.get("/zones").body()).get("total").asInt()).isEqualTo(1);
  }

  private static boolean online(PackagedGlobal replica, String zone) throws Exception {
    JsonNode status = status(replica, zone);
    return status != null && status.get("online").asBoolean();
  }

  /** The zone's status on the replica, or null while it does not list the zone. */
  private static JsonNode status(PackagedGlobal replica, String zone) throws Exception {
    HttpResponse<String> answer = replica.get("/zones/" + zone);
    return answer.statusCode() == 200 ? Json.MAPPER.readTree(answer.body()) : null;
  }
}
