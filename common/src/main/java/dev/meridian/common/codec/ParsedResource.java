package dev.meridian.common.codec;

import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import java.util.List;

/**
 * ParsedResource is one document of an input: the resource read from it (null when not even its
 * type and name could be read) and the errors found while reading it.
 */
public record ParsedResource(int index, Resource resource, List<Violation> readErrors) {
  public ParsedResource {
    readErrors = List.copyOf(readErrors);
  }

  /** {@code MeshTrace default/name}, or {@code document 2} when the resource is unreadable. */
  public String describe() {
    return resource != null ? resource.toString() : "document " + (index + 1);
  }

  /** Read errors plus validation, where a field already reported by the reader is not repeated. */
  public ValidationResult validate(ValidationContext context) {
    return Validation.validate(this, context);
  }
}
