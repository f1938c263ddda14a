package dev.meridian.common.match;

import dev.meridian.common.dataplane.DataplaneSpec;
import dev.meridian.common.policy.mesh.MeshSpec;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.traffictrace.TrafficTraces;
import dev.meridian.common.resource.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * MeshPolicies is one mesh's tracing policies, indexed by the tags they select, so that finding
 * what applies to a dataplane costs in proportion to the policies that may select it, not to all of
 * them. Build it once per change of the mesh's policies; it is immutable and thread-safe.
 */
public final class MeshPolicies {
  private final MeshTraceMatcher meshTraces;
  private final TrafficTraceMatcher trafficTraces;

  private MeshPolicies(MeshTraceMatcher meshTraces, TrafficTraceMatcher trafficTraces) {
    this.meshTraces = meshTraces;
    this.trafficTraces = trafficTraces;
  }

  /**
   * @param mesh the Mesh resource, or null when it is unknown (TrafficTraces then resolve to
   *     nothing)
   * @param policies the mesh's MeshTraces and TrafficTraces; other types are ignored
   */
  public static MeshPolicies of(Resource mesh, Collection<Resource> policies) {
    List<Resource> meshTraces = new ArrayList<>();
    List<Resource> trafficTraces = new ArrayList<>();
    for (Resource policy : policies) {
      if (policy.type() == MeshTraces.TYPE) {
        meshTraces.add(policy);
      } else if (policy.type() == TrafficTraces.TYPE) {
        trafficTraces.add(policy);
      }
    }
    MeshSpec meshSpec = mesh == null ? null : mesh.spec(MeshSpec.class);
    return new MeshPolicies(
        new MeshTraceMatcher(meshTraces),
        new TrafficTraceMatcher(meshSpec == null ? null : meshSpec.tracing(), trafficTraces));
  }

  /**
   * What applies to {@code dataplane} in {@code zone}. The dataplane must already carry its zone
   * tag (see {@code Dataplanes.inZone}); {@code zone} decides which zone-origin policies count.
   */
  public DataplaneRules rules(Resource dataplane, String zone) {
    List<DataplaneSpec.Inbound> inbounds = dataplane.spec(DataplaneSpec.class).inbound();
    List<AppliedPolicy> applied = new ArrayList<>();
    MeshTraceMatcher.Merge merge = new MeshTraceMatcher.Merge();
    meshTraces.match(inbounds, zone, applied, merge);
    return new DataplaneRules(
        applied, merge.result(), trafficTraces.match(inbounds), meshTraces.skipped());
  }
}
