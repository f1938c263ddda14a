package dev.meridian.common.resource;

import java.util.Optional;

/** ValidationContext lets a validator look at other resources, e.g. the mesh a policy names. */
public interface ValidationContext {
  ValidationContext EMPTY = (type, mesh, name) -> Optional.empty();

  Optional<Resource> find(String type, String mesh, String name);
}
