package dev.meridian.common.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import java.time.Instant;

/**
 * ResourceWriter writes a resource in Kuma's Universal form, the form the HTTP API returns and the
 * stores keep; {@link ResourceReader} reads it back to an equal resource.
 */
public final class ResourceWriter {
  private ResourceWriter() {}

  public static ObjectNode toUniversal(Resource resource) {
    return toUniversal(resource, null);
  }

  /** With {@code modificationTime} when known (a stored resource). */
  public static ObjectNode toUniversal(Resource resource, Instant modificationTime) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", resource.type().name());
    if (resource.type().meshScoped()) {
      node.put("mesh", resource.mesh());
    }
    node.put("name", resource.name());
    if (!resource.labels().isEmpty()) {
      node.set("labels", Json.MAPPER.valueToTree(resource.labels()));
    }
    if (resource.creationTime() != null) {
      node.put("creationTime", resource.creationTime().toString());
    }
    if (modificationTime != null) {
      node.put("modificationTime", modificationTime.toString());
    }
    JsonNode spec = Json.MAPPER.valueToTree(resource.spec());
    if (resource.type().specWrapped()) {
      node.set("spec", spec);
    } else if (spec.isObject()) {
      node.setAll((ObjectNode) spec);
    }
    return node;
  }
}
