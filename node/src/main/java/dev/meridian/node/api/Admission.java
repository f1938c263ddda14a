package dev.meridian.node.api;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.validation.Violation;
import java.util.List;

/**
 * Admission decides which writes a node takes, by which control plane owns a resource: the global
 * owns Meshes and global policies, a zone its dataplanes and zone-origin policies. Each method
 * throws an {@link ApiException} or returns problems before anything is stored.
 */
interface Admission {
  /** Whether dataplanes are written here; when not, their PUT and DELETE answer 405. */
  boolean acceptsDataplanes();

  /** Throws when this node never takes a PUT of {@code type}, before the body is read. */
  void checkPut(ResourceType type, String mesh, String name);

  /**
   * Throws when {@code resource}, the body of a PUT to {@code path}, belongs to another control
   * plane.
   *
   * @param labelsField where the body keeps its labels ({@code labels} or {@code metadata.labels})
   */
  void checkOwner(Resource resource, ResourceKey path, String labelsField);

  /** What is wrong with the resource's labels here; each violation's field is the label key. */
  List<Violation> labelProblems(Resource resource);

  /** The resource as it is stored: with the labels this node sets. */
  Resource stamp(Resource resource);

  /** The message for a PUT into a mesh this node does not hold. */
  String missingMesh(String mesh);

  /** The key a DELETE removes; throws when the resource belongs to another control plane. */
  ResourceKey deleteKey(ResourceStore store, ResourceType type, String mesh, String name);
}
