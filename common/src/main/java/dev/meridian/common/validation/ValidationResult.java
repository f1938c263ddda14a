package dev.meridian.common.validation;

import java.util.List;

/** The outcome of validating a resource: errors reject it, warnings only inform. */
public record ValidationResult(List<Violation> errors, List<Violation> warnings) {
  public static final ValidationResult OK = new ValidationResult(List.of(), List.of());

  public ValidationResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
