package dev.meridian.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.store.StoredResource;
import java.util.Comparator;

/** ResourceJson renders stored resources in the Universal form and orders them for lists. */
final class ResourceJson {
  /** Lists are in name order; the same name in several meshes or zones then by mesh and zone. */
  static final Comparator<StoredResource> NAME_ORDER =
      Comparator.comparing((StoredResource s) -> s.resource().name())
          .thenComparing(s -> s.resource().mesh())
          .thenComparing(s -> s.resource().key().zone());

  private ResourceJson() {}

  static JsonNode of(StoredResource stored) {
    return ResourceWriter.toUniversal(stored.resource(), stored.modificationTime());
  }

  /** The {@code ETag} of a version: quoted, as RFC 9110 writes a strong entity tag. */
  static String etag(StoredResource stored) {
    return "\"" + stored.version() + "\"";
  }
}
