package dev.meridian.common.store;

import dev.meridian.common.resource.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RecordingJournal keeps committed changes in a list and recovers by replaying them. */
final class RecordingJournal implements Journal {
  private final List<Change> changes = new ArrayList<>();

  @Override
  public Recovered recover() {
    Map<ResourceKey, StoredResource> state = new LinkedHashMap<>();
    for (Change change : changes) {
      if (change.isRemoval()) {
        state.remove(change.key());
      } else {
        state.put(change.key(), change.stored());
      }
    }
    return new Recovered(List.copyOf(state.values()), changes);
  }

  @Override
  public void commit(List<Change> batch) {
    changes.addAll(batch);
  }

  @Override
  public void close() {}
}
