package dev.meridian.common.render;

import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import dev.meridian.common.xds.XdsResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renderer computes, from a set of already read and valid resources, what one dataplane would
 * receive: the rules that apply to it and its xDS resources.
 */
public final class Renderer {
  private Renderer() {}

  /** The rules that apply to the dataplane and the xDS resources generated from them. */
  public record Rendering(DataplaneRules rules, XdsResources xds) {
    public Rendering {
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(xds, "xds");
    }
  }

  /**
   * @param resources any mix of Mesh, TrafficTrace, MeshTrace and Dataplane resources
   * @param mesh the dataplane's mesh
   * @param dataplane the dataplane's name
   * @param zone the zone it runs in, or null outside any zone
   * @throws IllegalArgumentException when no Dataplane {@code mesh/dataplane} is among resources
   */
  public static Rendering render(
      List<Resource> resources, String mesh, String dataplane, String zone) {
    Resource meshResource = null;
    List<Resource> policies = new ArrayList<>();
    List<Resource> dataplanes = new ArrayList<>();
    for (Resource r : resources) {
      if (r.type() == Meshes.TYPE) {
        meshResource = r.name().equals(mesh) ? r : meshResource;
      } else if (!r.mesh().equals(mesh)) {
        continue;
      } else if (r.type() == Dataplanes.TYPE) {
        dataplanes.add(Dataplanes.inZone(r, zone));
      } else {
        policies.add(r);
      }
    }
    Resource target =
        dataplanes.stream()
            .filter(d -> d.name().equals(dataplane))
            .findFirst()
            .orElseThrow(() -> notFound(resources, mesh, dataplane));
    DataplaneRules rules = MeshPolicies.of(meshResource, policies).rules(target, zone);
    XdsResources xds = ProxyGenerator.generate(target, zone, rules, EndpointIndex.of(dataplanes));
    return new Rendering(rules, xds);
  }

  private static IllegalArgumentException notFound(
      List<Resource> resources, String mesh, String dataplane) {
    List<String> known =
        resources.stream()
            .filter(r -> r.type() == Dataplanes.TYPE)
            .map(r -> r.mesh() + "/" + r.name())
            .sorted()
            .toList();
    return new IllegalArgumentException(
        "dataplane "
            + mesh
            + "/"
            + dataplane
            + " not found; known dataplanes: "
            + (known.isEmpty() ? "none" : String.join(", ", known)));
  }
}
