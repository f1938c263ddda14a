package dev.meridian.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/** What the RocksDB journal refuses, and how it says so. */
class RocksJournalTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final ResourceKey T1 = ResourceKey.of("MeshTrace", "default", "t1");

  @TempDir Path dataDir;

  @Test
  void aGarbledResourceFailsOpenNamingIt() throws Exception {
    writeThree();
    rewrite(h -> put(h, h.resources(), StoreKeys.resource(T1), "{not json"));

    assertThatThrownBy(() -> RocksJournal.open(dataDir))
        .isInstanceOf(JournalException.class)
        .hasMessageStartingWith(
            "data dir " + dataDir + " is damaged: resources entry MeshTrace default/t1: not JSON: ")
        .hasMessageEndingWith(
            "; Meridian never skips a damaged entry: restore the data dir from a backup");
  }

  @Test
  void aResourceThatNoLongerReadsFailsOpenWithItsReadErrors() throws Exception {
    writeThree();
    String bad =
        "{\"version\":1,\"revision\":2,\"modificationTime\":\"2026-01-01T00:00:00Z\","
            + "\"resource\":{\"type\":\"MeshTrace\",\"mesh\":\"default\",\"name\":\"t1\","
            + "\"creationTime\":\"2026-01-01T00:00:00Z\",\"spec\":{\"colour\":1}}}";
    rewrite(
        h ->
            put(
                h,
                h.log(),
                StoreKeys.revision(2),
                "{\"key\":" + keyJson(T1) + ",\"stored\":" + bad + "}"));

    assertThatThrownBy(() -> RocksJournal.open(dataDir))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining(
            "is damaged: change log entry revision 2: resource does not read back: ")
        .hasMessageContaining("spec.colour");
  }

  @Test
  void aGapInTheLogFailsOpen() throws Exception {
    writeThree();
    rewrite(h -> h.db().delete(h.log(), StoreKeys.revision(2)));

    assertThatThrownBy(() -> RocksJournal.open(dataDir))
        .hasMessageContaining("is damaged: change log entry revision 3: the log skips from 1 to 3");
  }

  @Test
  void resourcesThatDisagreeWithTheLogFailOpen() throws Exception {
    writeThree();
    rewrite(h -> h.db().delete(h.resources(), StoreKeys.resource(T1)));

    assertThatThrownBy(() -> RocksJournal.open(dataDir))
        .hasMessageContaining(
            "is damaged: resources entry MeshTrace default/t1: differs from the change log"
                + " (stored: absent, log: version 1 @2)");
  }

  @Test
  void aRevisionAheadOfTheLogFailsOpen() throws Exception {
    writeThree();
    rewrite(h -> h.db().put(h.meta(), RocksJournal.REVISION_KEY, StoreKeys.revision(9)));

    assertThatThrownBy(() -> RocksJournal.open(dataDir))
        .hasMessageContaining(
            "is damaged: meta entry revision: says 9 but the change log ends at 3");
  }

  @Test
  void anotherFormatIsRefused() throws Exception {
    writeThree();
    rewrite(h -> h.db().put(h.meta(), RocksJournal.FORMAT_KEY, StoreKeys.revision(2)));

    assertThatThrownBy(() -> RocksJournal.open(dataDir))
        .hasMessage(
            "data dir "
                + dataDir
                + " holds store format 2 but this Meridian reads format 1; use a matching Meridian"
                + " version or another data dir");
  }

  @Test
  void aDirOpenTwiceIsRefusedAndTheFirstKeepsWorking() throws Exception {
    try (RocksJournal first = RocksJournal.open(dataDir)) {
      assertThatThrownBy(() -> RocksJournal.open(dataDir))
          .isInstanceOf(JournalException.class)
          .hasMessage(
              "data dir "
                  + dataDir
                  + " is already open in this process; close the other store first");
      JournaledResourceStore store = new JournaledResourceStore(first, CLOCK);
      assertThat(store.put(mesh(), ResourceStore.ABSENT).revision()).isEqualTo(1);
    }
  }

  @Test
  void aDataDirThatCannotBeCreatedIsNamed() throws Exception {
    Path file = Files.writeString(dataDir.resolve("file"), "x");

    assertThatThrownBy(() -> RocksJournal.open(file.resolve("data")))
        .isInstanceOf(JournalException.class)
        .hasMessageStartingWith("cannot create data dir " + file.resolve("data") + " (")
        .hasMessageEndingWith("); point the data dir at a directory this process can create");
  }

  @Test
  void aReadOnlyDataDirIsNamed() throws Exception {
    Path dir = Files.createDirectory(dataDir.resolve("ro"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeFalse(Files.isWritable(dir), "permissions are not enforced for this user (root)");

    assertThatThrownBy(() -> RocksJournal.open(dir))
        .hasMessage(
            "data dir "
                + dir
                + " is not writable; give this process write access or choose another");
  }

  @Test
  void commitsMustContinueTheRevisionsAndWriteNothingOtherwise() throws Exception {
    try (RocksJournal journal = RocksJournal.open(dataDir)) {
      StoredResource stored =
          new StoredResource(mesh().withCreationTime(CLOCK.instant()), 1, 2, CLOCK.instant());
      assertThatThrownBy(
              () -> journal.commit(List.of(new Change(2, stored.resource().key(), stored))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Mesh default: revision 2, expected 1");
      assertThat(journal.recover().log()).isEmpty();
    }
  }

  /**
   * Seed 002's Mesh writes its backend as {name, sampling, zipkin: {url}}; it is stored as conf.
   */
  @Test
  void theOldestTracingBackendFormIsStoredAndReadBack() throws Exception {
    Resource oldest =
        ResourceReader.read(
                "type: Mesh\nname: default\ntracing:\n  defaultBackend: z\n  backends:\n"
                    + "  - name: z\n    sampling: 100.0\n    zipkin:\n"
                    + "      url: http://zipkin.local:9411/api/v1/spans\n")
            .get(0)
            .resource();
    try (ResourceStore store = new JournaledResourceStore(RocksJournal.open(dataDir), CLOCK)) {
      store.put(oldest, ResourceStore.ABSENT);
    }
    try (RocksJournal journal = RocksJournal.open(dataDir)) {
      assertThat(journal.recover().resources()).hasSize(1);
    }
  }

  /** A MeshTrace's integer sampling, e.g. the seed's {@code overall: 80}, reads back the same. */
  @Test
  void anIntegerSamplingIsStoredAndReadBack() throws Exception {
    Resource sampled =
        ResourceReader.read(
                "type: MeshTrace\nmesh: default\nname: t1\nspec:\n  targetRef: {kind: Mesh}\n"
                    + "  default:\n    backends: [{zipkin: {url: 'http://z:9411/api/v2/spans'}}]\n"
                    + "    sampling: {overall: 80, client: '40.5', random: 60}\n")
            .get(0)
            .resource();
    try (ResourceStore store = new JournaledResourceStore(RocksJournal.open(dataDir), CLOCK)) {
      store.put(mesh(), ResourceStore.ABSENT);
      store.put(sampled, ResourceStore.ABSENT);
    }
    try (RocksJournal journal = RocksJournal.open(dataDir)) {
      assertThat(journal.recover().resources()).hasSize(2);
    }
  }

  @Test
  void aClosedJournalRefusesWork() {
    RocksJournal journal = RocksJournal.open(dataDir);
    journal.close();
    journal.close();

    assertThatThrownBy(journal::recover)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("journal of data dir " + dataDir + " is closed");
    assertThatThrownBy(() -> journal.commit(List.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recoverReadsAgainAfterTheFirstHandOver() throws Exception {
    writeThree();
    try (RocksJournal journal = RocksJournal.open(dataDir)) {
      assertThat(journal.recover()).isEqualTo(journal.recover());
      assertThat(journal.recover().log()).extracting(Change::revision).containsExactly(1L, 2L, 3L);
      assertThat(journal.recover().resources()).hasSize(3);
    }
  }

  /** A Mesh, MeshTrace t1 and MeshTrace t2 at revisions 1 to 3, written and closed. */
  private void writeThree() throws Exception {
    try (ResourceStore store = new JournaledResourceStore(RocksJournal.open(dataDir), CLOCK)) {
      store.put(mesh(), ResourceStore.ABSENT);
      store.put(trace("t1"), ResourceStore.ABSENT);
      store.put(trace("t2"), ResourceStore.ABSENT);
    }
  }

  private void rewrite(RocksEdit edit) throws RocksDBException {
    try (RocksHandles handles = RocksHandles.open(dataDir)) {
      edit.apply(handles);
    }
  }

  private static void put(
      RocksHandles h, org.rocksdb.ColumnFamilyHandle family, byte[] key, String value)
      throws RocksDBException {
    h.db().put(family, key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String keyJson(ResourceKey key) {
    return "{\"type\":\""
        + key.type()
        + "\",\"mesh\":\""
        + key.mesh()
        + "\",\"name\":\""
        + key.name()
        + "\",\"zone\":\"\"}";
  }

  private static Resource mesh() {
    return ResourceReader.read("type: Mesh\nname: default\n").get(0).resource();
  }

  private static Resource trace(String name) {
    return ResourceReader.read(
            "type: MeshTrace\nmesh: default\nname: "
                + name
                + "\nspec:\n  default:\n    backends: [{zipkin: {url: 'http://z:9411/api/v2/spans'}}]\n")
        .get(0)
        .resource();
  }

  /** RocksEdit changes the raw database between a close and the next open. */
  @FunctionalInterface
  private interface RocksEdit {
    void apply(RocksHandles handles) throws RocksDBException;
  }
}
