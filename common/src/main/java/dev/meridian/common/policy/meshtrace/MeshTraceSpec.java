package dev.meridian.common.policy.meshtrace;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.meridian.common.resource.Spec;

/** MeshTraceSpec is a MeshTrace body: which dataplanes ({@code targetRef}) get which conf. */
public record MeshTraceSpec(TargetRef targetRef, @JsonProperty("default") MeshTraceConf defaultConf)
    implements Spec {
  /** The target, with Kuma's default of the whole mesh when none is written. */
  public TargetRef effectiveTargetRef() {
    return targetRef == null ? TargetRef.MESH : targetRef;
  }
}
