package dev.meridian.common.match;

import dev.meridian.common.policy.meshtrace.MeshTraceConf;
import java.util.List;

/**
 * DataplaneRules is what applies to one dataplane, with the reasons: the MeshTraces that select it
 * in merge order and their merged conf (null when none selects it), the TrafficTrace chosen for it
 * (null when none), and the mesh's policies that cannot apply to sidecars.
 */
public record DataplaneRules(
    List<AppliedPolicy> meshTraces,
    MeshTraceConf meshTraceConf,
    TrafficTraceRule trafficTrace,
    List<SkippedPolicy> skipped) {
  public DataplaneRules {
    meshTraces = List.copyOf(meshTraces);
    skipped = List.copyOf(skipped);
  }

  /** Which policy decides this dataplane's tracing: a MeshTrace wins over a TrafficTrace. */
  public Source tracingSource() {
    if (meshTraceConf != null) {
      return meshTraceConf.backend() != null ? Source.MESH_TRACE : Source.NONE;
    }
    return trafficTrace != null && trafficTrace.backend() != null
        ? Source.TRAFFIC_TRACE
        : Source.NONE;
  }

  /**
   * The same rules with tracing taken away (source {@link Source#NONE}) and the policies that
   * selected the dataplane kept, so that {@code _rules} still explains them. A zone uses it when it
   * refuses to send a dataplane's traces to a collector outside the zone.
   */
  public DataplaneRules withoutTracing() {
    return new DataplaneRules(meshTraces, null, null, skipped);
  }

  /** Where tracing comes from. */
  public enum Source {
    MESH_TRACE,
    TRAFFIC_TRACE,
    NONE
  }
}
