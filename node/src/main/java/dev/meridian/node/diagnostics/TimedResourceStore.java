package dev.meridian.node.diagnostics;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.store.VersionConflictException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;

/**
 * TimedResourceStore times every write of the store it wraps ({@code meridian_store_writes_seconds}
 * by operation and outcome), so that the API and KDS are timed alike; reads pass straight through.
 */
public final class TimedResourceStore implements ResourceStore {
  private final ResourceStore store;
  private final MeterRegistry registry;

  public TimedResourceStore(ResourceStore store, MeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Override
  public StoredResource put(Resource resource, long expectedVersion)
      throws VersionConflictException {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      StoredResource stored = store.put(resource, expectedVersion);
      outcome = "ok";
      return stored;
    } catch (VersionConflictException e) {
      outcome = "conflict";
      throw e;
    } finally {
      sample.stop(timer("put", outcome));
    }
  }

  @Override
  public List<ResourceKey> delete(ResourceKey key, long expectedVersion)
      throws VersionConflictException {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      List<ResourceKey> removed = store.delete(key, expectedVersion);
      outcome = "ok";
      return removed;
    } catch (VersionConflictException e) {
      outcome = "conflict";
      throw e;
    } finally {
      sample.stop(timer("delete", outcome));
    }
  }

  @Override
  public void apply(List<Resource> upserts, List<ResourceKey> removals) {
    Timer.Sample sample = Timer.start(registry);
    String outcome = "error";
    try {
      store.apply(upserts, removals);
      outcome = "ok";
    } finally {
      sample.stop(timer("apply", outcome));
    }
  }

  private Timer timer(String operation, String outcome) {
    return Timer.builder("meridian.store.writes")
        .description("Store writes (durable once ok), by operation and outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public Optional<StoredResource> get(ResourceKey key) {
    return store.get(key);
  }

  @Override
  public List<StoredResource> list(String type, String mesh) {
    return store.list(type, mesh);
  }

  @Override
  public void catchUp() {
    store.catchUp();
  }

  @Override
  public long revision() {
    return store.revision();
  }

  @Override
  public Snapshot snapshot() {
    return store.snapshot();
  }

  @Override
  public Subscription subscribe(long fromRevision, ChangeListener listener) {
    return store.subscribe(fromRevision, listener);
  }

  @Override
  public void close() {
    store.close();
  }
}
