package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get} against a {@link ScriptedPeer} answering in the list and resource shapes of
 * docs/http-api.md. End-to-end tests against the real node come with its integration.
 */
class GetCommandIT {
  // CtlRunner.NOW is 2024-05-01T12:00:00Z.
  private static final String A =
      "{\"type\": \"MeshTrace\", \"mesh\": \"default\", \"name\": \"a\","
          + " \"creationTime\": \"2024-05-01T11:55:00Z\", \"spec\": {\"targetRef\": {\"kind\":"
          + " \"Mesh\"}}}";
  private static final String B =
      "{\"type\": \"MeshTrace\", \"mesh\": \"default\", \"name\": \"b\","
          + " \"creationTime\": \"2024-04-28T12:00:00Z\", \"spec\": {}}";
  private static final String C =
      "{\"type\": \"MeshTrace\", \"mesh\": \"default\", \"name\": \"c\","
          + " \"creationTime\": \"2024-05-01T11:59:30Z\", \"spec\": {}}";

  @TempDir Path tmp;
  ScriptedPeer peer;
  CtlRunner ctl;

  @BeforeEach
  void start() throws Exception {
    peer = ScriptedPeer.start();
    ctl = CtlRunner.in(tmp);
  }

  @AfterEach
  void stop() {
    peer.close();
  }

  /** Two pages; the second page's link names another host, and the --cp host is kept. */
  private void twoPages() {
    peer.on(
            "GET",
            "/meshes/default/meshtraces",
            200,
            "{\"total\": 3, \"items\": ["
                + A
                + ","
                + B
                + "], \"next\":"
                + " \"http://cp.internal:5681/meshes/default/meshtraces?offset=2&size=2\"}")
        .on(
            "GET",
            "/meshes/default/meshtraces?offset=2&size=2",
            200,
            "{\"total\": 3, \"items\": [" + C + "], \"next\": null}");
  }

  @Test
  void listFollowsNextAndPrintsATable() {
    twoPages();

    CtlRunner.Run run = ctl.run("get", "meshtraces", "--cp", peer.url());

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(peer.requestLines())
        .containsExactly(
            "GET /meshes/default/meshtraces", "GET /meshes/default/meshtraces?offset=2&size=2");
    assertThat(run.out())
        .isEqualTo(
            """
            MESH      NAME   AGE
            default   a      5m
            default   b      3d
            default   c      30s
            """);
  }

  @Test
  void listAsJsonHasEveryPageInTheListShape() throws Exception {
    twoPages();

    CtlRunner.Run run = ctl.run("get", "meshtrace", "-o", "json", "--cp", peer.url());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Json.MAPPER.readTree(run.out()))
        .isEqualTo(
            Json.MAPPER.readTree("{\"total\": 3, \"items\": [" + A + "," + B + "," + C + "]}"));
  }

  @Test
  void oneResourceAsYamlIsTheResourceAsAnswered() throws Exception {
    peer.on("GET", "/meshes/prod/meshtraces/a", 200, A.replace("\"default\"", "\"prod\""));

    CtlRunner.Run run =
        ctl.run("get", "meshtraces", "a", "-m", "prod", "-o", "yaml", "--cp", peer.url());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode yaml = Json.YAML.readTree(run.out());
    assertThat(yaml).isEqualTo(Json.MAPPER.readTree(A.replace("\"default\"", "\"prod\"")));
    assertThat(run.out()).startsWith("type: MeshTrace\nmesh: prod\nname: a\n");
  }

  @Test
  void oneDataplaneOfAZoneIsAOneRowTableWithItsZone() {
    peer.on(
        "GET",
        "/meshes/default/dataplanes/web-1?zone=east",
        200,
        "{\"type\": \"Dataplane\", \"mesh\": \"default\", \"name\": \"web-1\", \"labels\":"
            + " {\"kuma.io/origin\": \"zone\", \"kuma.io/zone\": \"east\"}, \"creationTime\":"
            + " \"2024-05-01T09:00:00Z\", \"networking\": {\"address\": \"10.0.0.1\"}}");

    CtlRunner.Run run = ctl.run("get", "dataplane", "web-1", "--zone", "east", "--cp", peer.url());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            MESH      NAME    ZONE   AGE
            default   web-1   east   3h
            """);
  }

  @Test
  void allMeshesUsesTheCrossMeshPath() {
    peer.on(
        "GET",
        "/traffic-traces",
        200,
        "{\"total\": 2, \"items\": [{\"type\": \"TrafficTrace\", \"mesh\": \"default\", \"name\":"
            + " \"all\"}, {\"type\": \"TrafficTrace\", \"mesh\": \"prod\", \"name\": \"all\"}],"
            + " \"next\": null}");

    CtlRunner.Run run = ctl.run("get", "traffic-traces", "-A", "--cp", peer.url());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            MESH      NAME   AGE
            default   all    -
            prod      all    -
            """);
  }

  @Test
  void meshesAndZonesHaveTheirOwnColumns() {
    peer.on(
            "GET",
            "/meshes",
            200,
            "{\"total\": 1, \"items\": [{\"type\": \"Mesh\", \"name\": \"default\","
                + " \"creationTime\": \"2024-05-01T10:00:00Z\"}], \"next\": null}")
        .on(
            "GET",
            "/zones",
            200,
            """
            {"total": 2, "items": [
              {"name": "east", "online": true, "lastConnected": "2024-05-01T11:58:00Z",
               "lastDisconnected": null, "ackedRevision": 42, "nacks": 0, "lastNack": null},
              {"name": "west", "online": false, "lastConnected": null,
               "lastDisconnected": null, "ackedRevision": 0, "nacks": 0, "lastNack": null}],
             "next": null}
            """);

    CtlRunner.Run meshes = ctl.run("get", "meshes", "--cp", peer.url());
    CtlRunner.Run zones = ctl.run("get", "zones", "--cp", peer.url());

    assertThat(meshes.out()).isEqualTo("NAME      AGE\ndefault   2h\n");
    assertThat(zones.out())
        .isEqualTo(
            """
            NAME   ONLINE   LAST CONNECTED   ACKED REVISION
            east   yes      2m               42
            west   no       -                0
            """);
  }

  @Test
  void notFoundIsNamedAndExitsOne() {
    peer.on(
        "GET",
        "/meshes/default/meshtraces/nope",
        404,
        "{\"title\": \"Could not get a resource\", \"details\": \"Not found\"}");

    CtlRunner.Run run = ctl.run("get", "meshtraces", "nope", "--cp", peer.url());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("MeshTrace nope in mesh default not found\n");
  }

  @Test
  void anEmptyListSaysSoAndSucceeds() {
    peer.on("GET", "/meshes/prod/dataplanes", 200, "{\"total\": 0, \"items\": [], \"next\": null}");

    CtlRunner.Run run = ctl.run("get", "dataplanes", "-m", "prod", "--cp", peer.url());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("no dataplanes in mesh prod\n");
  }

  @Test
  void aNextLinkThatRepeatsStopsWithAnError() {
    String loop =
        "{\"total\": 9, \"items\": [], \"next\": \"/meshes/default/meshtraces?offset=0&size=1\"}";
    peer.on("GET", "/meshes/default/meshtraces", 200, loop)
        .on("GET", "/meshes/default/meshtraces?offset=0&size=1", 200, loop);

    CtlRunner.Run run = ctl.run("get", "meshtraces", "--cp", peer.url());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(peer.received()).hasSize(2);
    assertThat(run.err())
        .isEqualTo(
            "the control plane at "
                + peer.url()
                + " sent the same next page twice (/meshes/default/meshtraces?offset=0&size=1)\n");
  }
}
