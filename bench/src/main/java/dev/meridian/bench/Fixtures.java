package dev.meridian.bench;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fixtures builds synthetic meshes: many services, many policies, many dataplanes. */
final class Fixtures {
  static final String ZONE = "east";

  private Fixtures() {}

  static Resource mesh() {
    return one(
        """
        type: Mesh
        name: default
        tracing:
          defaultBackend: jaeger
          backends:
          - name: jaeger
            type: zipkin
            sampling: 20.0
            conf:
              url: http://jaeger.tracing:9411/api/v2/spans
        """);
  }

  /**
   * {@code count} policies, half MeshTraces and half TrafficTraces, each for its own service {@code
   * svc-<i>}, plus one mesh-wide MeshTrace: a dataplane of service {@code svc-0} is selected by two
   * MeshTraces and one TrafficTrace whatever the count.
   */
  static List<Resource> policies(int count) {
    List<Resource> policies = new ArrayList<>();
    policies.add(
        one(
            """
            type: MeshTrace
            name: mesh-wide
            mesh: default
            spec:
              targetRef: {kind: Mesh}
              default:
                backends: [{zipkin: {url: 'http://jaeger.tracing:9411/api/v2/spans'}}]
                sampling: {overall: 10}
            """));
    for (int i = 0; i < count; i++) {
      String service = "svc-" + (i / 2);
      String yaml =
          i % 2 == 0
              ? """
                type: MeshTrace
                name: mt-%d
                mesh: default
                spec:
                  targetRef: {kind: MeshService, name: %s}
                  default:
                    backends: [{zipkin: {url: 'http://%s.tracing:9411/api/v2/spans'}}]
                    sampling: {random: 50}
                    tags: [{name: team, literal: core}]
                """
                  .formatted(i, service, service)
              : """
                type: TrafficTrace
                name: tt-%d
                mesh: default
                selectors: [{match: {kuma.io/service: %s}}]
                """
                  .formatted(i, service);
      policies.add(one(yaml).withCreationTime(Instant.ofEpochSecond(i)));
    }
    return policies;
  }

  /** {@code count} dataplanes of {@code services} services, each calling the next service. */
  static List<Resource> dataplanes(int count, int services) {
    List<Resource> dataplanes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int service = i % services;
      String yaml =
          """
          type: Dataplane
          name: dp-%d
          mesh: default
          networking:
            address: 10.%d.%d.%d
            inbound:
            - port: 8080
              servicePort: 18080
              tags: {kuma.io/service: svc-%d, kuma.io/protocol: http}
            outbound:
            - port: 10001
              tags: {kuma.io/service: svc-%d}
          """
              .formatted(
                  i, (i >> 16) & 255, (i >> 8) & 255, i & 255, service, (service + 1) % services);
      dataplanes.add(Dataplanes.inZone(one(yaml), ZONE));
    }
    return dataplanes;
  }

  private static Resource one(String yaml) {
    ParsedResource parsed = ResourceReader.read(yaml).get(0);
    if (!parsed.validate(ValidationContext.EMPTY).isValid()) {
      throw new IllegalStateException(parsed.validate(ValidationContext.EMPTY).errors().toString());
    }
    return parsed.resource();
  }
}
