package dev.meridian.common.policy.traffictrace;

import dev.meridian.common.policy.mesh.MeshSpec;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.policy.mesh.Tracing;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.TagKeys;
import dev.meridian.common.validation.Violations;
import java.util.Map;

/** TrafficTraceValidator checks selectors with Kuma's messages and the backend against the mesh. */
final class TrafficTraceValidator {
  private TrafficTraceValidator() {}

  static void validate(Resource resource, ValidationContext context, Violations v) {
    TrafficTraceSpec spec = resource.spec(TrafficTraceSpec.class);
    if (spec.selectors().isEmpty()) {
      v.error("selectors", "must have at least one element");
    }
    for (int i = 0; i < spec.selectors().size(); i++) {
      String path = "selectors[" + i + "].match";
      Map<String, String> match = spec.selectors().get(i).match();
      if (match.isEmpty()) {
        v.error(path, "must have at least one tag");
      }
      for (Map.Entry<String, String> tag : match.entrySet()) {
        if (tag.getKey().isEmpty()) {
          v.error(path, "tag name must be non-empty");
        }
        if (tag.getValue().isEmpty()) {
          v.error(path + "[\"" + tag.getKey() + "\"]", "tag value must be non-empty");
        }
      }
      TagKeys.lint(match, path, v);
    }
    context
        .find(Meshes.TYPE.name(), "", resource.mesh())
        .ifPresent(mesh -> checkBackend(spec, resource.mesh(), mesh.spec(MeshSpec.class), v));
  }

  private static void checkBackend(
      TrafficTraceSpec spec, String mesh, MeshSpec meshSpec, Violations v) {
    Tracing tracing = meshSpec.tracing() == null ? new Tracing(null, null) : meshSpec.tracing();
    String backend = spec.backend();
    if (backend == null) {
      String fallback = tracing.defaultBackend();
      if (fallback == null || fallback.isEmpty()) {
        v.warn(
            "conf.backend",
            "no backend named and mesh \""
                + mesh
                + "\" has no tracing.defaultBackend: this policy produces no tracing");
      }
    } else if (tracing.backend(backend).isEmpty()) {
      v.warn(
          "conf.backend",
          "backend \""
              + backend
              + "\" is not defined in mesh \""
              + mesh
              + "\": this policy produces no tracing until it is");
    }
  }
}
