package dev.meridian.zone.kds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.ByteString;
import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.StoredResource;
import dev.meridian.proto.kds.v1.ResourceId;
import java.util.HashMap;
import java.util.Map;

/**
 * Wire converts between local store values and KDS messages; resources travel as Universal JSON.
 */
final class Wire {
  private Wire() {}

  static ResourceId id(ResourceKey key) {
    return ResourceId.newBuilder()
        .setType(key.type())
        .setMesh(key.mesh())
        .setName(key.name())
        .build();
  }

  /** The key of a global resource named by a push. */
  static ResourceKey globalKey(ResourceId id) {
    return ResourceKey.of(id.getType(), id.getMesh(), id.getName());
  }

  /** {@code MeshTrace default/x}, for NACK details and logs. */
  static String describe(ResourceId id) {
    return globalKey(id).toString();
  }

  /**
   * The upload entry of a local resource, labelled {@code kuma.io/origin: zone} and {@code
   * kuma.io/zone: <zone>} as the global stores it.
   */
  static dev.meridian.proto.kds.v1.Resource upload(StoredResource stored, String zone) {
    Resource local = stored.resource();
    Map<String, String> labels = new HashMap<>(local.labels());
    labels.put(Labels.ORIGIN, Labels.ORIGIN_ZONE);
    labels.put(Labels.ZONE, zone);
    Resource labelled =
        new Resource(
            local.type(), local.mesh(), local.name(), labels, local.creationTime(), local.spec());
    try {
      byte[] json =
          Json.MAPPER.writeValueAsBytes(
              ResourceWriter.toUniversal(labelled, stored.modificationTime()));
      return dev.meridian.proto.kds.v1.Resource.newBuilder()
          .setId(id(local.key()))
          .setVersion(stored.version())
          .setUniversalJson(ByteString.copyFrom(json))
          .build();
    } catch (JsonProcessingException e) {
      // A tree built by ResourceWriter always serialises; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot write " + local + " as JSON", e);
    }
  }
}
