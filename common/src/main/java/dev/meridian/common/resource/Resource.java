package dev.meridian.common.resource;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Resource is one stored object: a Mesh, a policy or a Dataplane. {@code mesh} is empty for a Mesh.
 * {@code creationTime} may be null for a resource that has not been stored yet.
 */
public record Resource(
    ResourceType type,
    String mesh,
    String name,
    Map<String, String> labels,
    Instant creationTime,
    Spec spec) {

  public Resource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(name, "name");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The key; a zone-origin resource is keyed under its zone ({@code kuma.io/zone}). */
  public ResourceKey key() {
    String zone = isZoneOrigin() ? labels.getOrDefault(Labels.ZONE, "") : "";
    return new ResourceKey(type.name(), mesh, name, zone);
  }

  public <S extends Spec> S spec(Class<S> specClass) {
    return specClass.cast(spec);
  }

  /** True for a policy created in a zone ({@code kuma.io/origin: zone}). */
  public boolean isZoneOrigin() {
    return Labels.ORIGIN_ZONE.equals(labels.get(Labels.ORIGIN));
  }

  public String label(String key) {
    return labels.get(key);
  }

  public Resource withCreationTime(Instant time) {
    return new Resource(type, mesh, name, labels, time, spec);
  }

  /** {@code MeshTrace default/name} (and the zone of a zone-origin resource). */
  @Override
  public String toString() {
    return key().toString();
  }
}
