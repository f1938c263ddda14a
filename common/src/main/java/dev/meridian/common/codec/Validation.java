package dev.meridian.common.codec;

import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import dev.meridian.common.validation.Violations;
import java.util.ArrayList;
import java.util.List;

/** Validation runs a resource's validator after reading it and merges the two error lists. */
final class Validation {
  private Validation() {}

  static ValidationResult validate(ParsedResource parsed, ValidationContext context) {
    if (parsed.resource() == null) {
      return new ValidationResult(parsed.readErrors(), List.of());
    }
    Violations checked = new Violations();
    parsed.resource().type().validate(parsed.resource(), context, checked);
    ValidationResult result = checked.result();
    List<Violation> errors = new ArrayList<>(parsed.readErrors());
    for (Violation error : result.errors()) {
      // A field that could not be read is null to the validator; its "must be defined" is noise.
      if (parsed.readErrors().stream().noneMatch(read -> related(read.field(), error.field()))) {
        errors.add(error);
      }
    }
    return new ValidationResult(errors, result.warnings());
  }

  private static boolean related(String a, String b) {
    return within(a, b) || within(b, a);
  }

  private static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
  }
}
