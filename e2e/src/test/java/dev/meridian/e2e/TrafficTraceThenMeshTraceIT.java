package dev.meridian.e2e;

import static dev.meridian.e2e.Scenario.apply;
import static dev.meridian.e2e.Scenario.cp;
import static dev.meridian.e2e.Scenario.firstListeners;
import static dev.meridian.e2e.Scenario.global;
import static dev.meridian.e2e.Scenario.meridianctl;
import static dev.meridian.e2e.Scenario.register;
import static dev.meridian.e2e.Scenario.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.node.testing.PackagedGlobal;
import dev.meridian.node.testing.PackagedZone;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology: one global and one zone, {@code east}, with two dataplanes, {@code web-1} (service web)
 * and {@code backend-1} (service backend). The global holds a Mesh with a zipkin {@code
 * defaultBackend} ({@code jaeger}) and a TrafficTrace selecting every service: both proxies get the
 * {@code tracing:jaeger} collector. A MeshTrace for the MeshSubset {@code kuma.io/service: web}
 * then takes over web only ({@code meshtrace:zipkin}) while backend keeps the TrafficTrace; once
 * the MeshTrace is deleted with meridianctl, web is back on the TrafficTrace.
 */
@Timeout(180)
class TrafficTraceThenMeshTraceIT {
  private static final String MESH_AND_TRAFFIC_TRACE =
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
              url: http://jaeger.observability:9411/api/v2/spans
      ---
      type: TrafficTrace
      name: all
      mesh: default
      selectors:
        - match:
            kuma.io/service: '*'
      conf:
        backend: jaeger
      """;

  private static final String MESH_TRACE_WEB =
      """
      type: MeshTrace
      name: web-trace
      mesh: default
      spec:
        targetRef:
          kind: MeshSubset
          tags:
            kuma.io/service: web
        default:
          backends:
            - zipkin:
                url: http://zipkin.observability:9411/api/v2/spans
      """;

  @Test
  void meshTraceTakesOverFromTrafficTraceAndGivesBack(@TempDir Path dir) throws Exception {
    try (PackagedGlobal global = global(dir);
        PackagedZone east = zone(dir, "east", global)) {
      apply(dir, global, MESH_AND_TRAFFIC_TRACE);
      register(east, "web-1", "web", "10.0.1.10");
      register(east, "backend-1", "backend", "10.0.1.11");

      try (Scenario.Proxy web = new Scenario.Proxy(east, "web-1");
          Scenario.Proxy backend = new Scenario.Proxy(east, "backend-1")) {
        web.awaitListeners(TrafficTraceThenMeshTraceIT::onTrafficTrace);
        backend.awaitListeners(TrafficTraceThenMeshTraceIT::onTrafficTrace);

        apply(dir, global, MESH_TRACE_WEB);
        web.awaitListeners(
            lds ->
                assertThat(lds)
                    .contains("meshtrace:zipkin")
                    .contains("zipkin.observability:9411")
                    .doesNotContain("tracing:jaeger"));
        onTrafficTrace(firstListeners(east, "backend-1"));

        Scenario.Result deleted =
            meridianctl(
                dir, "delete", "meshtrace", "web-trace", "-m", "default", "--cp", cp(global));
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        web.awaitListeners(TrafficTraceThenMeshTraceIT::onTrafficTrace);
        onTrafficTrace(firstListeners(east, "backend-1"));
      }
    }
  }

  private static void onTrafficTrace(String listeners) {
    assertThat(listeners)
        .contains("tracing:jaeger")
        .contains("jaeger.observability")
        .doesNotContain("meshtrace:");
  }
}
