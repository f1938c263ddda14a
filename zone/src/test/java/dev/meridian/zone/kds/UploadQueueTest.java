package dev.meridian.zone.kds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.proto.kds.v1.ZoneUpload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadQueueTest {
  private final JournaledResourceStore store = JournaledResourceStore.inMemory();
  private final UploadQueue queue = new UploadQueue("east");
  private final List<Change> changes = new ArrayList<>();

  UploadQueueTest() {
    store.subscribe(0, changes::add);
  }

  @Test
  void theFullInventoryHoldsDataplanesAndThisZonesMeshTracesLabelledForTheGlobal()
      throws Exception {
    store.put(dataplane("web-1"), ResourceStore.ANY);
    store.put(trace("global-trace", ""), ResourceStore.ANY);
    store.put(trace("east-trace", "east"), ResourceStore.ANY);
    store.put(trace("west-trace", "west"), ResourceStore.ANY);

    ZoneUpload upload = queue.full(store.snapshot()).setNonce("1").build();

    assertThat(upload.getFull()).isTrue();
    assertThat(upload.getZone()).isEqualTo("east");
    assertThat(upload.getUpsertsList())
        .extracting(r -> r.getId().getType() + " " + r.getId().getName())
        .containsExactlyInAnyOrder("Dataplane web-1", "MeshTrace east-trace");
    assertThat(upload.getUpserts(0).getUniversalJson().toStringUtf8())
        .contains("\"kuma.io/origin\":\"zone\"")
        .contains("\"kuma.io/zone\":\"east\"");
  }

  @Test
  void deltasKeepTheLatestChangePerResource() throws Exception {
    store.put(dataplane("web-1"), ResourceStore.ANY);
    store.put(dataplane("web-2"), ResourceStore.ANY);
    store.put(dataplane("web-1"), ResourceStore.ANY);
    store.delete(ResourceKey.of("Dataplane", "default", "web-2"), ResourceStore.ANY);
    store.put(trace("global-trace", ""), ResourceStore.ANY);
    changes.forEach(queue::offer);

    assertThat(queue.size()).isEqualTo(2);
    ZoneUpload delta = queue.delta().setNonce("2").build();

    assertThat(delta.getFull()).isFalse();
    assertThat(delta.getUpsertsList())
        .extracting(r -> r.getId().getName())
        .containsExactly("web-1");
    assertThat(delta.getUpserts(0).getVersion()).isEqualTo(2);
    assertThat(delta.getRemovalsList()).extracting(r -> r.getName()).containsExactly("web-2");
    assertThat(queue.delta()).isNull();
  }

  private static Resource dataplane(String name) {
    return read(
        """
        {"type": "Dataplane", "mesh": "default", "name": "%s",
         "networking": {"address": "10.0.0.1",
           "inbound": [{"port": 8080, "tags": {"kuma.io/service": "web"}}]}}"""
            .formatted(name));
  }

  private static Resource trace(String name, String zone) {
    String labels =
        zone.isEmpty() ? "" : "labels: {kuma.io/origin: zone, kuma.io/zone: " + zone + "}\n";
    return read(
        """
        type: MeshTrace
        name: %s
        mesh: default
        %sspec:
          targetRef: {kind: Mesh}
          default:
            backends: [{zipkin: {url: "http://zipkin:9411/api/v2/spans"}}]
        """
            .formatted(name, labels));
  }

  private static Resource read(String text) {
    return ResourceReader.read(text).get(0).resource();
  }
}
