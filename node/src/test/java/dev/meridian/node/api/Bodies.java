package dev.meridian.node.api;

/** Bodies holds the request bodies the API tests send. */
final class Bodies {
  static final String MESH =
      """
      type: Mesh
      name: default
      tracing:
        defaultBackend: jaeger
        backends:
          - name: jaeger
            type: zipkin
            sampling: 100.0
            conf:
              url: http://jaeger-collector:9411/api/v2/spans
      """;

  static final String MESHTRACE_UNIVERSAL =
      """
      type: MeshTrace
      name: trace-east
      mesh: default
      spec:
        targetRef:
          kind: MeshSubset
          tags:
            kuma.io/zone: east
        default:
          backends:
            - zipkin:
                url: http://east.zipkincollector:9411/api/v2/spans
      """;

  static final String MESHTRACE_KUBERNETES =
      """
      apiVersion: kuma.io/v1alpha1
      kind: MeshTrace
      metadata:
        name: trace-east
        namespace: kuma-system
        labels:
          kuma.io/mesh: default
      spec:
        targetRef:
          kind: MeshSubset
          tags:
            kuma.io/zone: east
        default:
          backends:
            - zipkin:
                url: http://east.zipkincollector:9411/api/v2/spans
      """;

  static final String TRAFFICTRACE_JSON =
      """
      {"type": "TrafficTrace", "mesh": "default", "name": "all",
       "selectors": [{"match": {"kuma.io/service": "*"}}],
       "conf": {"backend": "jaeger"}}
      """;

  static final String DATAPLANE =
      """
      type: Dataplane
      mesh: default
      name: web-1
      labels:
        kuma.io/origin: zone
        kuma.io/zone: east
      networking:
        address: 10.0.1.10
        inbound:
          - port: 8080
            servicePort: 18080
            tags:
              kuma.io/service: web
              kuma.io/protocol: http
      """;

  private Bodies() {}
}
