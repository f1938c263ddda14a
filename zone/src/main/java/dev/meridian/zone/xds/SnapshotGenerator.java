package dev.meridian.zone.xds;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.xds.EndpointIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * SnapshotGenerator keeps every local dataplane's snapshot in step with the local store. The store
 * listener runs on the writer's thread, so it only queues the change and hands a drain to one
 * single-threaded executor, which owns all the state below (STYLE §6); there is no polling timer. A
 * drain applies all queued changes, then regenerates only the dataplanes they can affect, skipping
 * those whose inputs are unchanged. The regeneration itself is spread over one worker per core:
 * meanwhile the executor waits, so the workers only read the mesh state.
 */
final class SnapshotGenerator implements AutoCloseable {
  private final ResourceStore store;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "xds-generator"));
  private final ForkJoinPool workers =
      new ForkJoinPool(
          Runtime.getRuntime().availableProcessors(),
          pool -> {
            ForkJoinWorkerThread t =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("xds-render-" + t.getPoolIndex());
            return t;
          },
          null,
          false);
  private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final DataplaneRenderer renderer;
  private final String zone;
  private final XdsMetrics metrics;
  // Confined to the executor.
  private final Map<String, MeshState> meshes = new HashMap<>();
  // Written on the executor, read by anyone.
  private final ConcurrentMap<String, ServedDataplane> served = new ConcurrentHashMap<>();
  private ResourceStore.Subscription subscription;

  private record Pending(Change change, long receivedNanos) {}

  SnapshotGenerator(ResourceStore store, String zone, DataplaneRenderer renderer, XdsMetrics m) {
    this.store = store;
    this.zone = zone;
    this.renderer = renderer;
    this.metrics = m;
  }

  void start() {
    ResourceStore.Snapshot snapshot = store.snapshot();
    executor.execute(() -> load(snapshot.resources()));
    subscription =
        store.subscribe(
            snapshot.revision(),
            change -> {
              pending.add(new Pending(change, System.nanoTime()));
              executor.execute(this::drain);
            });
  }

  Optional<ServedDataplane> served(String mesh, String dataplane) {
    return Optional.ofNullable(served.get(NodeIds.of(mesh, dataplane)));
  }

  private void load(List<StoredResource> resources) {
    ChangeSet changes = new ChangeSet();
    resources.forEach(r -> apply(r.resource().key(), r.resource(), changes));
    regenerate(changes);
  }

  private void drain() {
    ChangeSet changes = new ChangeSet();
    List<Pending> batch = new ArrayList<>();
    for (Pending p = pending.poll(); p != null; p = pending.poll()) {
      batch.add(p);
      StoredResource stored = p.change().stored();
      apply(p.change().key(), stored == null ? null : stored.resource(), changes);
    }
    regenerate(changes);
    long now = System.nanoTime();
    batch.forEach(p -> metrics.delivery.record(now - p.receivedNanos(), TimeUnit.NANOSECONDS));
  }

  /** Updates the model with one resource ({@code null}: removed) and notes what it affects. */
  private void apply(ResourceKey key, Resource resource, ChangeSet changes) {
    String type = key.type();
    if (type.equals(Meshes.TYPE.name())) {
      mesh(key.name()).mesh(resource);
      changes.wholeMesh(key.name());
    } else if (type.equals(MeshTraces.TYPE.name()) || type.equals(TrafficTraces.TYPE.name())) {
      mesh(key.mesh()).putPolicy(key, resource);
      changes.wholeMesh(key.mesh());
    } else if (type.equals(Dataplanes.TYPE.name()) && isLocal(key)) {
      MeshState mesh = mesh(key.mesh());
      Resource inZone = resource == null ? null : Dataplanes.inZone(resource, zone);
      Resource old = mesh.putDataplane(key.name(), inZone);
      Set<String> affected = new HashSet<>(Set.of(key.name()));
      for (Resource dp : new Resource[] {old, inZone}) {
        if (dp != null) {
          MeshState.inboundServices(dp).forEach(s -> affected.addAll(mesh.callersOf(s)));
        }
      }
      changes.dataplanes(key.mesh(), affected);
    }
  }

  /** A dataplane of this zone: created here (zone-origin) or through this zone's API. */
  private boolean isLocal(ResourceKey key) {
    return key.zone().isEmpty() || key.zone().equals(zone);
  }

  private MeshState mesh(String name) {
    return meshes.computeIfAbsent(name, n -> new MeshState());
  }

  private void regenerate(ChangeSet changes) {
    List<Runnable> work = new ArrayList<>();
    for (String mesh : changes.wholeMeshes()) {
      MeshState state = meshes.get(mesh);
      if (state != null) {
        state.prepare();
        state.dataplaneNames().forEach(name -> work.add(() -> regenerate(mesh, state, name)));
      }
    }
    changes
        .dataplanes()
        .forEach(
            (mesh, names) -> {
              if (!changes.wholeMeshes().contains(mesh)) {
                MeshState state = meshes.get(mesh);
                state.prepare();
                names.forEach(name -> work.add(() -> regenerate(mesh, state, name)));
              }
            });
    workers.submit(() -> work.parallelStream().forEach(Runnable::run)).join();
    meshes.values().removeIf(MeshState::isEmpty);
  }

  private void regenerate(String mesh, MeshState state, String name) {
    String nodeId = NodeIds.of(mesh, name);
    Resource dataplane = state.dataplane(name);
    if (dataplane == null) {
      served.remove(nodeId);
      renderer.remove(nodeId);
      return;
    }
    DataplaneRules rules = state.policies().rules(dataplane, zone);
    EndpointIndex endpoints = state.endpoints();
    Map<String, List<EndpointIndex.Endpoint>> view = new TreeMap<>();
    MeshState.outboundServices(dataplane).forEach(s -> view.put(s, endpoints.endpoints(s)));
    renderer
        .render(
            nodeId,
            new DataplaneRenderer.Inputs(dataplane, rules, view),
            endpoints,
            served.get(nodeId))
        .ifPresent(s -> served.put(nodeId, s));
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
      workers.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
