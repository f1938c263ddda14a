package dev.meridian.common.validation;

import java.util.Objects;

/** One problem found in a resource: the field it is about (as a dotted path) and what is wrong. */
public record Violation(String field, String message) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
