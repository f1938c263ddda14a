package dev.meridian.common.store;

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
}
