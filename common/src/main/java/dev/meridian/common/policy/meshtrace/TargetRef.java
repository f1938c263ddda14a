package dev.meridian.common.policy.meshtrace;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** TargetRef says which dataplanes a policy applies to: a kind plus a name and/or tags. */
public record TargetRef(String kind, String name, Map<String, String> tags) {
  public static final TargetRef MESH = new TargetRef(Kind.MESH, null, null);

  public TargetRef {
    // Sorted, so that messages and matching visit tags in a stable order (Map.copyOf has none).
    tags = tags == null ? null : Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** The targetRef kinds, least specific first, as Kuma orders them. */
  public static final class Kind {
    public static final String MESH = "Mesh";
    public static final String MESH_SUBSET = "MeshSubset";
    public static final String MESH_GATEWAY = "MeshGateway";
    public static final String MESH_GATEWAY_ROUTE = "MeshGatewayRoute";
    public static final String MESH_SERVICE = "MeshService";
    public static final String MESH_SERVICE_SUBSET = "MeshServiceSubset";

    /** Rank for ordering; -1 for a kind that is not supported. */
    public static int rank(String kind) {
      return switch (kind) {
        case MESH -> 0;
        case MESH_SUBSET -> 1;
        case MESH_GATEWAY, MESH_GATEWAY_ROUTE -> 2;
        case MESH_SERVICE -> 3;
        case MESH_SERVICE_SUBSET -> 4;
        default -> -1;
      };
    }

    public static boolean isGateway(String kind) {
      return MESH_GATEWAY.equals(kind) || MESH_GATEWAY_ROUTE.equals(kind);
    }

    private Kind() {}
  }
}
