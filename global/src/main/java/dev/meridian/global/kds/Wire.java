package dev.meridian.global.kds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.ByteString;
import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.StoredResource;
import dev.meridian.proto.kds.v1.Resource;
import dev.meridian.proto.kds.v1.ResourceId;

/** Wire converts between store values and KDS messages; resources travel as Universal JSON. */
final class Wire {
  private Wire() {}

  static ResourceId id(ResourceKey key) {
    return ResourceId.newBuilder()
        .setType(key.type())
        .setMesh(key.mesh())
        .setName(key.name())
        .build();
  }

  /** The key of {@code id} within {@code zone}'s resources ({@code ""} for the global's). */
  static ResourceKey key(ResourceId id, String zone) {
    return new ResourceKey(id.getType(), id.getMesh(), id.getName(), zone);
  }

  static Resource resource(StoredResource stored) {
    try {
      byte[] json =
          Json.MAPPER.writeValueAsBytes(
              ResourceWriter.toUniversal(stored.resource(), stored.modificationTime()));
      return Resource.newBuilder()
          .setId(id(stored.resource().key()))
          .setVersion(stored.version())
          .setRevision(stored.revision())
          .setUniversalJson(ByteString.copyFrom(json))
          .build();
    } catch (JsonProcessingException e) {
      // A tree built by ResourceWriter always serialises; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot write " + stored.resource() + " as JSON", e);
    }
  }

  /** {@code MeshTrace default/x} for messages and logs. */
  static String describe(ResourceId id) {
    return key(id, "").toString();
  }
}
