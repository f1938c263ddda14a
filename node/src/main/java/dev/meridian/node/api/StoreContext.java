package dev.meridian.node.api;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import java.util.Optional;

/** StoreContext lets validators see the node's stored resources, e.g. a policy's Mesh. */
record StoreContext(ResourceStore store) implements ValidationContext {
  @Override
  public Optional<Resource> find(String type, String mesh, String name) {
    return store.get(ResourceKey.of(type, mesh, name)).map(StoredResource::resource);
  }
}
