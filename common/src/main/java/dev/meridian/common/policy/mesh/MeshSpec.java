package dev.meridian.common.policy.mesh;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.resource.Spec;
import java.util.Map;

/**
 * MeshSpec is the body of a Mesh. Only {@code tracing} is Meridian's business; the other Kuma Mesh
 * sections (mtls, logging, ...) are kept as written so a Kuma manifest applies unchanged.
 */
public record MeshSpec(Tracing tracing, @JsonIgnore Map<String, JsonNode> other) implements Spec {
  public MeshSpec {
    other = other == null ? Map.of() : Map.copyOf(other);
  }

  @JsonAnyGetter
  Map<String, JsonNode> otherFields() {
    return other;
  }
}
