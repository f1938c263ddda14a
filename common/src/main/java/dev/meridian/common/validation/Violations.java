package dev.meridian.common.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Violations collects every error and warning found while reading or validating one resource, so
 * that all of them are reported at once rather than only the first.
 */
public final class Violations {
  private final List<Violation> errors = new ArrayList<>();
  private final List<Violation> warnings = new ArrayList<>();

  public void error(String field, String message) {
    errors.add(new Violation(field, message));
  }

  public void warn(String field, String message) {
    warnings.add(new Violation(field, message));
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public ValidationResult result() {
    return new ValidationResult(errors, warnings);
  }
}
