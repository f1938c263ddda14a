package dev.meridian.common.resource;

import dev.meridian.common.parse.Fields;
import dev.meridian.common.validation.Violations;
import java.util.Objects;
import java.util.function.Function;

/**
 * ResourceType describes one kind of resource: its names in the Universal form, the Kubernetes form
 * and the HTTP API, how its spec is decoded and how it is validated. Each policy package declares
 * one; {@code ResourceTypes} lists them all.
 */
public final class ResourceType {
  /** Validates a decoded resource; the context gives access to related resources (its mesh). */
  public interface Validator {
    void validate(Resource resource, ValidationContext context, Violations violations);
  }

  private final String name;
  private final String collection;
  private final boolean meshScoped;
  private final boolean specWrapped;
  private final Function<Fields, Spec> decoder;
  private final Validator validator;

  /**
   * @param name the Universal {@code type} and Kubernetes {@code kind}, e.g. {@code MeshTrace}
   * @param collection the HTTP API path segment, e.g. {@code meshtraces}
   * @param meshScoped false only for Mesh itself
   * @param specWrapped true when the Universal form nests the body under {@code spec:}
   */
  public ResourceType(
      String name,
      String collection,
      boolean meshScoped,
      boolean specWrapped,
      Function<Fields, Spec> decoder,
      Validator validator) {
    this.name = Objects.requireNonNull(name);
    this.collection = Objects.requireNonNull(collection);
    this.meshScoped = meshScoped;
    this.specWrapped = specWrapped;
    this.decoder = Objects.requireNonNull(decoder);
    this.validator = Objects.requireNonNull(validator);
  }

  public String name() {
    return name;
  }

  public String collection() {
    return collection;
  }

  public boolean meshScoped() {
    return meshScoped;
  }

  /** True when the Universal form keeps the body under {@code spec:} (MeshTrace). */
  public boolean specWrapped() {
    return specWrapped;
  }

  /**
   * Decodes the body. The fields' path is {@code spec} for a wrapped type and empty otherwise, so
   * that paths in messages are those of the Universal form whichever form was read.
   */
  public Spec decode(Fields fields) {
    return decoder.apply(fields);
  }

  public void validate(Resource resource, ValidationContext context, Violations violations) {
    validator.validate(resource, context, violations);
  }

  @Override
  public String toString() {
    return name;
  }
}
