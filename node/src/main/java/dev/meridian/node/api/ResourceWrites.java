package dev.meridian.node.api;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.store.VersionConflictException;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * ResourceWrites turns a PUT body into a stored resource, or into an {@link ApiException} that
 * lists every reason it cannot be stored, in which case nothing is written.
 */
final class ResourceWrites {
  private final ResourceStore store;
  private final Admission admission;

  ResourceWrites(ResourceStore store, Admission admission) {
    this.store = store;
    this.admission = admission;
  }

  WriteOutcome put(ResourceType type, String mesh, String name, String body, long expected) {
    store.catchUp();
    List<ParsedResource> docs = ResourceReader.read(body);
    if (docs.size() != 1) {
      throw ApiException.invalid(
          List.of(
              new Violation(
                  "",
                  docs.isEmpty()
                      ? "the body is empty; send one resource as YAML or JSON"
                      : "the body holds "
                          + docs.size()
                          + " documents; send exactly one resource per request")));
    }
    ParsedResource parsed = docs.get(0);
    Resource resource = parsed.resource();
    if (resource != null && resource.type() == type) {
      admission.checkOwner(
          resource, ResourceKey.of(type.name(), mesh, name), PathChecks.labelsField(body));
    }
    ValidationResult result = parsed.validate(new StoreContext(store));
    List<Violation> errors = new ArrayList<>(result.errors());
    if (resource != null) {
      errors.addAll(
          PathChecks.check(resource, type, mesh, name, body, admission.labelProblems(resource)));
    }
    if (type.meshScoped() && store.get(ResourceKey.of(Meshes.TYPE.name(), "", mesh)).isEmpty()) {
      errors.add(new Violation("mesh", admission.missingMesh(mesh)));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    try {
      StoredResource stored = store.put(admission.stamp(resource), expected);
      return new WriteOutcome(stored, stored.version() == 1, result.warnings());
    } catch (VersionConflictException e) {
      throw conflict(ApiException.WRITE_TITLE, e);
    }
  }

  /**
   * Removes the resource (and a Mesh's resources with it); the first key is the one asked for.
   * Which stored resource the path names is the admission's choice.
   */
  List<ResourceKey> delete(ResourceType type, String mesh, String name, long expected) {
    store.catchUp();
    ResourceKey key = admission.deleteKey(store, type, mesh, name);
    if (store.get(key).isEmpty()) {
      throw ApiException.notFound(ApiException.DELETE_TITLE, key + " not found");
    }
    try {
      List<ResourceKey> removed = new ArrayList<>(store.delete(key, expected));
      removed.remove(key);
      removed.add(0, key);
      return removed;
    } catch (VersionConflictException e) {
      throw conflict(ApiException.DELETE_TITLE, e);
    }
  }

  private static ApiException conflict(String title, VersionConflictException e) {
    return new ApiException(
        409,
        title,
        "Version conflict: "
            + e.getMessage()
            + "; GET the resource for its current version (ETag) and retry",
        List.of());
  }
}
