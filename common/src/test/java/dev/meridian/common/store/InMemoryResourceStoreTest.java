package dev.meridian.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The contract against the store with no journal; "reopen" hands over the journal's recovery to a
 * new store over the same in-memory log, which is what a durable journal does from disk.
 */
class InMemoryResourceStoreTest extends ResourceStoreContract {
  private RecordingJournal journal;

  @Override
  protected ResourceStore open() {
    journal = new RecordingJournal();
    return new JournaledResourceStore(journal, clock);
  }

  @Override
  protected ResourceStore reopen() {
    store.close();
    return new JournaledResourceStore(journal, clock);
  }

  @Test
  void changesAfterARevisionComeInOrderAtMostMax() throws Exception {
    for (String name : new String[] {"a", "b", "c"}) {
      store.put(mesh(name), ResourceStore.ANY);
    }
    JournaledResourceStore journaled = (JournaledResourceStore) store;

    assertThat(journaled.changesAfter(1, 10)).extracting(Change::revision).containsExactly(2L, 3L);
    assertThat(journaled.changesAfter(0, 2)).extracting(Change::revision).containsExactly(1L, 2L);
    assertThat(journaled.changesAfter(3, 10)).isEmpty();
    assertThat(journaled.changesAfter(7, 10)).isEmpty();
  }

  @Test
  void aPlanDecidesEachWriteAfterTheOnesBeforeItAndCommitsNothingItself() throws Exception {
    JournaledResourceStore journaled = (JournaledResourceStore) store;
    store.put(mesh("default"), ResourceStore.ABSENT);

    JournaledResourceStore.Plan plan = journaled.plan();
    assertThat(plan.put(mesh("other"), ResourceStore.ABSENT))
        .singleElement()
        .matches(c -> c.revision() == 2 && c.stored().version() == 1);
    // sees the version it planned itself
    assertThat(plan.put(mesh("other"), 1)).singleElement().matches(c -> c.stored().version() == 2);
    assertThatThrownBy(() -> plan.put(mesh("other"), 1))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining("expected version 1, found 2");
    assertThat(plan.delete(key("Mesh", "", "absent"), ResourceStore.ANY)).isEmpty();
    assertThat(plan.delete(key("Mesh", "", "other"), 2)).singleElement().matches(Change::isRemoval);
    assertThat(store.revision()).isEqualTo(1);

    journaled.apply(plan.changes());
    assertThat(store.revision()).isEqualTo(4);
    assertThat(store.get(key("Mesh", "", "other"))).isEmpty();
  }
}
