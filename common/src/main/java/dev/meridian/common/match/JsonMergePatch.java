package dev.meridian.common.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JsonMergePatch applies RFC 7396: objects merge member by member, a null member removes, and
 * anything else (lists included) replaces.
 */
final class JsonMergePatch {
  private JsonMergePatch() {}

  /** Returns {@code target} patched by {@code patch}; neither argument is modified. */
  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : ((ObjectNode) patch).objectNode();
    patch
        .fields()
        .forEachRemaining(
            member -> {
              if (member.getValue().isNull()) {
                result.remove(member.getKey());
              } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
              }
            });
    return result;
  }
}
