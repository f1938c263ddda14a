package dev.meridian.node.api;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.VersionConflictException;

/** ZoneBodies holds what the zone API tests send, and stores what a zone receives from KDS. */
final class ZoneBodies {
  static final String ZONE = "east";

  static final String DATAPLANE =
      """
      type: Dataplane
      mesh: default
      name: web-1
      networking:
        address: 10.0.1.10
        inbound:
          - port: 8080
            servicePort: 18080
            tags:
              kuma.io/service: web
              kuma.io/protocol: http
      """;

  /** A zone-origin MeshTrace for every dataplane of the mesh. */
  static final String ZONE_MESHTRACE =
      """
      type: MeshTrace
      name: z-zone
      mesh: default
      labels:
        kuma.io/origin: zone
      spec:
        targetRef:
          kind: Mesh
        default:
          backends:
            - zipkin:
                url: http://zone.collector:9411/api/v2/spans
      """;

  /** A global MeshTrace of the same kind, as KDS stores it in the zone. */
  static final String GLOBAL_MESHTRACE =
      """
      type: MeshTrace
      name: a-global
      mesh: default
      labels:
        kuma.io/origin: global
      spec:
        targetRef:
          kind: Mesh
        default:
          backends:
            - zipkin:
                url: http://global.collector:9411/api/v2/spans
      """;

  private ZoneBodies() {}

  /** A zone API over an in-memory store holding what the global synced: a Mesh and policies. */
  static ApiFixture zoneWithGlobalResources(CannedServed served) {
    ApiFixture api = new ApiFixture(ApiRole.zone(ZONE, served));
    synced(api, Bodies.MESH);
    synced(api, Bodies.TRAFFICTRACE_JSON);
    synced(api, GLOBAL_MESHTRACE);
    return api;
  }

  /** As KDS stores a resource of the global: straight into the store. */
  static void synced(ApiFixture api, String body) {
    try {
      api.store.put(ResourceReader.read(body).get(0).resource(), ResourceStore.ANY);
    } catch (VersionConflictException e) {
      throw new IllegalStateException("ANY never conflicts", e);
    }
  }
}
