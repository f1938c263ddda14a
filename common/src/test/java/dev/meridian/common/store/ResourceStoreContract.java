package dev.meridian.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ResourceStoreContract is what every {@link ResourceStore} must do; each implementation's test
 * extends it (STYLE §7). Durable stores also answer {@link #reopen()}.
 */
public abstract class ResourceStoreContract {
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  protected ResourceStore store;

  /** A new, empty store using {@link #clock}. */
  protected abstract ResourceStore open() throws Exception;

  /** Closes {@link #store} and opens it again on the same data. */
  protected abstract ResourceStore reopen() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void createGetAndReplaceWithVersions() throws Exception {
    StoredResource created = store.put(mesh("default"), ResourceStore.ABSENT);
    clock.advanceSeconds(5);
    StoredResource replaced = store.put(mesh("default"), created.version());

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.revision()).isEqualTo(1);
    assertThat(created.resource().creationTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(replaced.version()).isEqualTo(2);
    assertThat(replaced.revision()).isEqualTo(2);
    assertThat(replaced.resource().creationTime()).isEqualTo(created.resource().creationTime());
    assertThat(replaced.modificationTime()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
    assertThat(store.get(key("Mesh", "", "default"))).contains(replaced);
    assertThat(store.revision()).isEqualTo(2);
  }

  @Test
  void versionConflictsChangeNothing() throws Exception {
    store.put(mesh("default"), ResourceStore.ABSENT);

    assertThatThrownBy(() -> store.put(mesh("default"), ResourceStore.ABSENT))
        .isInstanceOf(VersionConflictException.class)
        .hasMessage("Mesh default: expected version none (create), found 1");
    assertThatThrownBy(() -> store.put(mesh("default"), 7))
        .hasMessage("Mesh default: expected version 7, found 1");
    assertThatThrownBy(() -> store.delete(key("Mesh", "", "default"), 3))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.put(trace("default", "absent"), 1))
        .hasMessage("MeshTrace default/absent: expected version 1, found none");
    assertThat(store.revision()).isEqualTo(1);
    assertThat(store.put(mesh("default"), ResourceStore.ANY).version()).isEqualTo(2);
  }

  @Test
  void listsByTypeAndMeshInNameOrder() throws Exception {
    store.put(mesh("a"), ResourceStore.ABSENT);
    store.put(mesh("b"), ResourceStore.ABSENT);
    store.put(trace("b", "t2"), ResourceStore.ABSENT);
    store.put(trace("a", "t9"), ResourceStore.ABSENT);
    store.put(trace("a", "t1"), ResourceStore.ABSENT);

    assertThat(names(store.list("MeshTrace", "a"))).containsExactly("a/t1", "a/t9");
    assertThat(names(store.list("MeshTrace", null))).containsExactly("a/t1", "a/t9", "b/t2");
    assertThat(names(store.list("Mesh", null))).containsExactly("/a", "/b");
    assertThat(store.list("TrafficTrace", "a")).isEmpty();
    assertThat(store.list("MeshTrace", "c")).isEmpty();
  }

  @Test
  void sameNameInTwoZonesDoesNotCollide() throws Exception {
    store.put(dataplane("east"), ResourceStore.ABSENT);
    store.put(dataplane("west"), ResourceStore.ABSENT);

    assertThat(store.list("Dataplane", "default")).hasSize(2);
    assertThat(store.get(new ResourceKey("Dataplane", "default", "web-1", "west"))).isPresent();
  }

  @Test
  void deletingAMeshDeletesItsResourcesInOneCommit() throws Exception {
    store.put(mesh("a"), ResourceStore.ABSENT);
    store.put(mesh("b"), ResourceStore.ABSENT);
    store.put(trace("a", "t1"), ResourceStore.ABSENT);
    store.put(trace("b", "t2"), ResourceStore.ABSENT);
    List<Change> seen = new ArrayList<>();
    store.subscribe(store.revision(), seen::add);

    List<ResourceKey> removed = store.delete(key("Mesh", "", "a"), ResourceStore.ANY);

    assertThat(removed)
        .containsExactlyInAnyOrder(key("Mesh", "", "a"), key("MeshTrace", "a", "t1"));
    assertThat(store.list("MeshTrace", null))
        .extracting(s -> s.resource().name())
        .containsExactly("t2");
    assertThat(seen).extracting(Change::revision).containsExactly(5L, 6L);
    assertThat(seen).allMatch(Change::isRemoval);
  }

  @Test
  void deletingSomethingAbsent() throws Exception {
    assertThat(store.delete(key("Mesh", "", "nope"), ResourceStore.ANY)).isEmpty();
    assertThatThrownBy(() -> store.delete(key("Mesh", "", "nope"), 1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.revision()).isZero();
  }

  @Test
  void applyCommitsUpsertsThenRemovalsTogether() throws Exception {
    store.put(mesh("a"), ResourceStore.ABSENT);
    store.put(trace("a", "old"), ResourceStore.ABSENT);
    store.put(mesh("b"), ResourceStore.ABSENT);
    store.put(trace("b", "t1"), ResourceStore.ABSENT);
    List<Change> seen = new ArrayList<>();
    store.subscribe(store.revision(), seen::add);

    store.apply(
        List.of(trace("a", "new"), trace("a", "new"), trace("b", "t2")),
        List.of(key("MeshTrace", "a", "old"), key("Mesh", "", "b"), key("Mesh", "", "nope")));

    assertThat(store.get(key("MeshTrace", "a", "new")).orElseThrow().version()).isEqualTo(2);
    assertThat(store.get(key("MeshTrace", "a", "old"))).isEmpty();
    assertThat(store.list("MeshTrace", "b")).isEmpty();
    assertThat(store.get(key("Mesh", "", "b"))).isEmpty();
    assertThat(seen).extracting(Change::revision).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(seen.subList(3, 7)).allMatch(Change::isRemoval);
    assertThat(seen.get(6).key()).isEqualTo(key("Mesh", "", "b"));
    assertThat(store.revision()).isEqualTo(11);

    store.apply(List.of(), List.of(key("Mesh", "", "nope")));
    assertThat(store.revision()).isEqualTo(11);
  }

  @Test
  void subscribersGetPastThenLiveChangesInOrder() throws Exception {
    store.put(mesh("default"), ResourceStore.ABSENT);
    store.put(trace("default", "t1"), ResourceStore.ABSENT);
    List<Long> fromStart = new ArrayList<>();
    List<Long> fromNow = new ArrayList<>();
    store.subscribe(0, c -> fromStart.add(c.revision()));
    ResourceStore.Subscription live =
        store.subscribe(store.revision(), c -> fromNow.add(c.revision()));

    store.put(trace("default", "t2"), ResourceStore.ABSENT);
    live.close();
    store.delete(key("MeshTrace", "default", "t1"), ResourceStore.ANY);

    assertThat(fromStart).containsExactly(1L, 2L, 3L, 4L);
    assertThat(fromNow).containsExactly(3L);
    assertThatThrownBy(() -> store.subscribe(99, c -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revision 99 is not in [0, 4]");
  }

  @Test
  void snapshotHoldsEverythingAtOneRevision() throws Exception {
    store.put(mesh("default"), ResourceStore.ABSENT);
    store.put(trace("default", "t1"), ResourceStore.ABSENT);

    ResourceStore.Snapshot snapshot = store.snapshot();

    assertThat(snapshot.revision()).isEqualTo(2);
    assertThat(snapshot.resources()).hasSize(2);
  }

  @Test
  void reopenedStoreHasEverythingCommitted() throws Exception {
    store.put(mesh("default"), ResourceStore.ABSENT);
    StoredResource t1 = store.put(trace("default", "t1"), ResourceStore.ABSENT);
    store.put(trace("default", "t2"), ResourceStore.ABSENT);
    store.delete(key("MeshTrace", "default", "t2"), ResourceStore.ANY);
    store.apply(List.of(trace("default", "t4"), trace("default", "t5")), List.of());

    store = reopen();

    assertThat(store.revision()).isEqualTo(6);
    assertThat(store.get(t1.resource().key())).contains(t1);
    assertThat(store.list("MeshTrace", "default")).hasSize(3);
    List<Long> replay = new ArrayList<>();
    store.subscribe(0, c -> replay.add(c.revision()));
    assertThat(replay).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(store.put(trace("default", "t3"), ResourceStore.ABSENT).revision()).isEqualTo(7);
  }

  protected static Resource mesh(String name) {
    return read("type: Mesh\nname: " + name + "\n");
  }

  protected static Resource trace(String mesh, String name) {
    return read(
        "type: MeshTrace\nname: "
            + name
            + "\nmesh: "
            + mesh
            + "\nspec:\n  default:\n    backends: [{zipkin: {url: 'http://z:9411/api/v2/spans'}}]\n");
  }

  protected static Resource dataplane(String zone) {
    return read(
        "type: Dataplane\nname: web-1\nmesh: default\nlabels: {kuma.io/origin: zone, kuma.io/zone: "
            + zone
            + "}\nnetworking:\n  address: 10.0.0.1\n  inbound: [{port: 80, tags: {kuma.io/service:"
            + " web}}]\n");
  }

  protected static Resource read(String yaml) {
    return ResourceReader.read(yaml).get(0).resource();
  }

  protected static ResourceKey key(String type, String mesh, String name) {
    return ResourceKey.of(type, mesh, name);
  }

  private static List<String> names(List<StoredResource> list) {
    return list.stream().map(s -> s.resource().mesh() + "/" + s.resource().name()).toList();
  }

  /** MutableClock is a clock the test moves by hand. */
  public static final class MutableClock extends Clock {
    private Instant now;

    public MutableClock(Instant now) {
      this.now = now;
    }

    public void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
