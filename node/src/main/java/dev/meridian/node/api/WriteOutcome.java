package dev.meridian.node.api;

import dev.meridian.common.store.StoredResource;
import dev.meridian.common.validation.Violation;
import java.util.List;

/** WriteOutcome is a stored PUT: what was stored, whether it was new, and the warnings. */
record WriteOutcome(StoredResource stored, boolean created, List<Violation> warnings) {
  WriteOutcome {
    warnings = List.copyOf(warnings);
  }
}
