package dev.meridian.global.kds;

import static dev.meridian.global.kds.Fixtures.dataplaneJson;
import static dev.meridian.global.kds.Fixtures.mesh;
import static dev.meridian.global.kds.Fixtures.put;
import static dev.meridian.global.kds.KdsTestClient.id;
import static dev.meridian.global.kds.KdsTestClient.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zone → global: uploads are validated, stored under their zone, and full inventories prune. */
class KdsUploadIT {
  private final JournaledResourceStore store = JournaledResourceStore.inMemory();
  private KdsServer server;
  private KdsTestClient client;

  @BeforeEach
  void start() {
    put(store, mesh("default"));
    server = new KdsServer(store, new SimpleMeterRegistry());
    server.start("127.0.0.1", 0);
    client = new KdsTestClient(server.port());
  }

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    server.close();
    store.close();
  }

  @Test
  void twoZonesDataplanesOfTheSameNameAreStoredUnderTheirOwnZone() throws InterruptedException {
    UploadAck east = client.upload("east").send(full(dataplane("web-1", "10.0.1.1")));
    UploadAck west = client.upload("west").send(full(dataplane("web-1", "10.0.2.1")));

    assertThat(east.getRejectedList()).isEmpty();
    assertThat(west.getRejectedList()).isEmpty();
    assertThat(store.list("Dataplane", "default")).hasSize(2);
    for (String zone : List.of("east", "west")) {
      StoredResource stored =
          store.get(new ResourceKey("Dataplane", "default", "web-1", zone)).orElseThrow();
      assertThat(stored.resource().labels())
          .containsEntry(Labels.ORIGIN, Labels.ORIGIN_ZONE)
          .containsEntry(Labels.ZONE, zone);
    }
    assertThat(dataplaneAddress("east")).isEqualTo("10.0.1.1");
    assertThat(dataplaneAddress("west")).isEqualTo("10.0.2.1");
    assertThat(west.getRevision()).isEqualTo(store.revision());
  }

  @Test
  void invalidResourcesAreRejectedWithEveryProblemAndNotStored() throws InterruptedException {
    ZoneUpload.Builder upload =
        full(dataplane("web-1", "10.0.1.1"))
            .addUpserts(
                upload(
                    "Dataplane",
                    "default",
                    "no-inbound",
                    """
                    {"type": "Dataplane", "mesh": "default", "name": "no-inbound",
                     "networking": {"address": "10.0.1.2", "inbound": []}}"""))
            .addUpserts(upload("Dataplane", "default", "broken", "{\"type\": "))
            .addUpserts(upload("Mesh", "", "other", "{\"type\": \"Mesh\", \"name\": \"x\"}"))
            .addUpserts(
                upload("Dataplane", "nowhere", "lost", dataplaneJson("nowhere", "lost", "1.2.3.4")))
            .addUpserts(
                upload(
                    "Dataplane",
                    "default",
                    "stranger",
                    """
                    {"type": "Dataplane", "mesh": "default", "name": "stranger",
                     "labels": {"kuma.io/zone": "west"},
                     "networking": {"address": "10.0.1.3",
                       "inbound": [{"port": 80, "tags": {"kuma.io/service": "s"}}]}}"""))
            .addUpserts(
                upload(
                    "Dataplane",
                    "default",
                    "renamed",
                    dataplaneJson("default", "other", "1.1.1.1")));
    UploadAck ack = client.upload("east").send(upload);

    Map<String, List<String>> rejected =
        ack.getRejectedList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getId().getName(),
                    r ->
                        r.getViolationsList().stream()
                            .map(v -> v.getField() + ": " + v.getMessage())
                            .toList()));
    assertThat(rejected)
        .containsOnlyKeys("no-inbound", "broken", "other", "lost", "stranger", "renamed");
    assertThat(rejected.get("no-inbound"))
        .containsExactly("networking.inbound: must have at least one element");
    assertThat(rejected.get("broken")).singleElement().asString().startsWith(": malformed JSON");
    assertThat(rejected.get("other"))
        .containsExactly("type: a zone uploads Dataplane and MeshTrace resources, not \"Mesh\"");
    assertThat(rejected.get("lost"))
        .containsExactly("mesh: mesh \"nowhere\" does not exist on the global");
    assertThat(rejected.get("stranger"))
        .containsExactly(
            "labels[\"kuma.io/zone\"]: must be \"east\" (this stream belongs to zone \"east\"), not"
                + " \"west\"");
    assertThat(rejected.get("renamed"))
        .containsExactly("name: is \"other\" but the upload's id says \"renamed\"");
    assertThat(store.list("Dataplane", null))
        .extracting(s -> s.resource().name())
        .containsExactly("web-1");
  }

  @Test
  void fullInventoryRemovesWhatTheZoneNoLongerHasAndDeltasApply() throws InterruptedException {
    var east = client.upload("east");
    east.send(full(dataplane("web-1", "10.0.1.1")).addUpserts(dataplane("web-2", "10.0.1.2")));
    client.upload("west").send(full(dataplane("web-2", "10.0.2.2")));

    east.send(ZoneUpload.newBuilder().addRemovals(id("Dataplane", "default", "web-1")));
    assertThat(names("east")).containsExactly("web-2");

    long before = store.revision();
    east.send(full(dataplane("web-2", "10.0.1.2"))); // unchanged: nothing is written
    assertThat(store.revision()).isEqualTo(before);

    east.send(full(dataplane("web-3", "10.0.1.3")));
    assertThat(names("east")).containsExactly("web-3");
    assertThat(names("west")).containsExactly("web-2");
  }

  @Test
  void secondUploadStreamOfAZoneReplacesTheFirst() throws InterruptedException {
    var first = client.upload("east");
    first.send(full(dataplane("web-1", "10.0.1.1")));
    var second = client.upload("east");
    second.send(full(dataplane("web-2", "10.0.1.2")));

    await().until(() -> first.closed() != null);
    assertThat(first.closed().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(names("east")).containsExactly("web-2");
  }

  private List<String> names(String zone) {
    return store.list("Dataplane", null).stream()
        .filter(s -> s.resource().key().zone().equals(zone))
        .map(s -> s.resource().name())
        .toList();
  }

  private String dataplaneAddress(String zone) {
    return store
        .get(new ResourceKey("Dataplane", "default", "web-1", zone))
        .map(s -> dev.meridian.common.codec.ResourceWriter.toUniversal(s.resource()))
        .orElseThrow()
        .at("/networking/address")
        .asText();
  }

  private static ZoneUpload.Builder full(dev.meridian.proto.kds.v1.Resource first) {
    return ZoneUpload.newBuilder().setFull(true).addUpserts(first);
  }

  private static dev.meridian.proto.kds.v1.Resource dataplane(String name, String address) {
    return upload("Dataplane", "default", name, dataplaneJson("default", name, address));
  }
}
