package dev.meridian.common.store;

import java.util.List;

/**
 * Journal is where a {@link JournaledResourceStore} makes its changes durable. {@link #commit} must
 * write all of its changes atomically and durably before it returns; {@link #recover} returns what
 * was committed, to rebuild the store on start.
 */
public interface Journal extends AutoCloseable {
  /** A journal that keeps nothing: the store lives in memory only. */
  Journal NONE =
      new Journal() {
        @Override
        public Recovered recover() {
          return new Recovered(List.of(), List.of());
        }

        @Override
        public void commit(List<Change> changes) {}

        @Override
        public void close() {}
      };

  /** What was committed: the resources as they are now, and the change log in revision order. */
  Recovered recover();

  /** Writes the changes (consecutive revisions) as one atomic, durable unit. */
  void commit(List<Change> changes);

  @Override
  void close();

  /** Recovered is a journal's content; the last change's revision is the store's revision. */
  record Recovered(List<StoredResource> resources, List<Change> log) {
    public Recovered {
      resources = List.copyOf(resources);
      log = List.copyOf(log);
    }
  }
}
