package dev.meridian.zone.kds;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.HeldResource;
import dev.meridian.proto.kds.v1.Resource;
import dev.meridian.proto.kds.v1.ZoneRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Push sequences as the global sends them, built from the protocol's own messages. */
class PushApplierTest {
  private static final ResourceKey MESH = ResourceKey.of("Mesh", "", "default");
  private static final ResourceKey TRACE = ResourceKey.of("MeshTrace", "default", "t");

  private final JournaledResourceStore store = JournaledResourceStore.inMemory();
  private final PushApplier applier = new PushApplier(store);

  @Test
  void appliesAValidPushAndAcksIt() {
    PushApplier.Applied applied =
        applier.apply(push("1", 7, mesh(3), trace(7, "http://zipkin.east:9411/api/v2/spans")));

    assertThat(applied.answer()).isEqualTo(ZoneRequest.newBuilder().setAck(ack("1")).build());
    assertThat(url(store.get(TRACE).orElseThrow()))
        .isEqualTo("http://zipkin.east:9411/api/v2/spans");
    assertThat(store.get(TRACE).orElseThrow().resource().label(Synced.KDS_REVISION)).isEqualTo("7");
    assertThat(applier.held()).containsExactly(held(MESH, 3), held(TRACE, 7));
  }

  @Test
  void anInvalidUpsertIsNackedAndThePreviousVersionStays() {
    applier.apply(push("1", 7, mesh(3), trace(7, "http://zipkin.east:9411/api/v2/spans")));
    Resource invalid =
        resource(
            TRACE,
            9,
            """
            {"type": "MeshTrace", "mesh": "default", "name": "t",
             "spec": {"targetRef": {"kind": "Mesh"}, "default": {}}}""");
    Resource other = trace("u", 9, "http://zipkin.east:9411/api/v2/spans");

    PushApplier.Applied applied = applier.apply(push("2", 9, invalid, other));

    assertThat(applied.acked()).isFalse();
    assertThat(applied.answer().getNack().getNonce()).isEqualTo("2");
    assertThat(applied.answer().getNack().getRejectedList()).containsExactly(Wire.id(TRACE));
    assertThat(applied.answer().getNack().getErrorDetail())
        .startsWith("MeshTrace default/t: spec.default.backends: ");
    StoredResource kept = store.get(TRACE).orElseThrow();
    assertThat(kept.version()).isEqualTo(1);
    assertThat(kept.resource().label(Synced.KDS_REVISION)).isEqualTo("7");
    assertThat(store.get(ResourceKey.of("MeshTrace", "default", "u"))).isPresent();
    assertThat(applier.held()).contains(held(TRACE, 7));
  }

  @Test
  void malformedJsonAndForeignTypesAreRejected() {
    Resource malformed = resource(TRACE, 4, "{not json");
    Resource dataplane =
        resource(ResourceKey.of("Dataplane", "default", "web-1"), 4, "{\"type\": \"Dataplane\"}");

    PushApplier.Applied applied = applier.apply(push("5", 4, mesh(3), malformed, dataplane));

    assertThat(applied.rejected()).isEqualTo(2);
    assertThat(applied.answer().getNack().getErrorDetail())
        .contains("MeshTrace default/t: malformed JSON")
        .contains(
            "Dataplane default/web-1: type: the global pushes [Mesh, TrafficTrace, MeshTrace], not"
                + " \"Dataplane\"");
    assertThat(store.get(MESH)).isPresent();
    assertThat(store.get(TRACE)).isEmpty();
  }

  @Test
  void anIdThatDoesNotMatchTheJsonIsRejected() {
    Resource lying =
        trace("u", 4, "http://zipkin.east:9411/api/v2/spans").toBuilder()
            .setId(Wire.id(TRACE))
            .build();

    PushApplier.Applied applied = applier.apply(push("1", 4, mesh(3), lying));

    assertThat(applied.answer().getNack().getErrorDetail())
        .isEqualTo(
            "MeshTrace default/t: the JSON is MeshTrace default/u but the push's id says"
                + " MeshTrace default/t");
  }

  @Test
  void removalsDeleteAfterTheUpserts() {
    applier.apply(push("1", 7, mesh(3), trace(7, "http://zipkin.east:9411/api/v2/spans")));

    PushApplier.Applied applied =
        applier.apply(
            GlobalPush.newBuilder()
                .setNonce("2")
                .setRevision(8)
                .addRemovals(Wire.id(TRACE))
                .build());

    assertThat(applied.acked()).isTrue();
    assertThat(store.get(TRACE)).isEmpty();
    assertThat(applier.held()).containsExactly(held(MESH, 3));
  }

  @Test
  void zoneOriginResourcesAreNotDeclaredAsHeld() throws Exception {
    applier.apply(push("1", 3, mesh(3)));
    store.put(
        dev.meridian.common.codec.ResourceReader.read(
                """
                type: MeshTrace
                name: local
                mesh: default
                labels: {kuma.io/origin: zone, kuma.io/zone: east}
                spec:
                  targetRef: {kind: Mesh}
                  default:
                    backends: [{zipkin: {url: "http://zipkin.east:9411/api/v2/spans"}}]
                """)
            .get(0)
            .resource(),
        -1);

    assertThat(applier.held()).containsExactly(held(MESH, 3));
  }

  private static GlobalPush push(String nonce, long revision, Resource... upserts) {
    return GlobalPush.newBuilder()
        .setNonce(nonce)
        .setRevision(revision)
        .addAllUpserts(java.util.List.of(upserts))
        .build();
  }

  private static Resource mesh(long revision) {
    return resource(MESH, revision, "{\"type\": \"Mesh\", \"name\": \"default\"}");
  }

  private static Resource trace(long revision, String url) {
    return trace("t", revision, url);
  }

  private static Resource trace(String name, long revision, String url) {
    return resource(
        ResourceKey.of("MeshTrace", "default", name),
        revision,
        """
        {"type": "MeshTrace", "mesh": "default", "name": "%s",
         "spec": {"targetRef": {"kind": "Mesh"},
                  "default": {"backends": [{"zipkin": {"url": "%s"}}]}}}"""
            .formatted(name, url));
  }

  private static Resource resource(ResourceKey key, long revision, String json) {
    return Resource.newBuilder()
        .setId(Wire.id(key))
        .setVersion(1)
        .setRevision(revision)
        .setUniversalJson(ByteString.copyFrom(json, StandardCharsets.UTF_8))
        .build();
  }

  private static HeldResource held(ResourceKey key, long revision) {
    return HeldResource.newBuilder().setId(Wire.id(key)).setRevision(revision).build();
  }

  private static dev.meridian.proto.kds.v1.Ack ack(String nonce) {
    return dev.meridian.proto.kds.v1.Ack.newBuilder().setNonce(nonce).build();
  }

  private static String url(StoredResource stored) {
    return dev.meridian.common.codec.ResourceWriter.toUniversal(stored.resource())
        .at("/spec/default/backends/0/zipkin/url")
        .asText();
  }
}
