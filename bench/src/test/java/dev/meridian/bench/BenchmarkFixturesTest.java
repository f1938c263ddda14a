package dev.meridian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.DataplaneRules.Source;
import dev.meridian.common.xds.XdsResources;
import org.junit.jupiter.api.Test;

/** Runs each benchmark body once, so a broken fixture fails the build, not a benchmark run. */
class BenchmarkFixturesTest {
  @Test
  void dataplaneIsSelectedByTheSamePoliciesWhateverTheirNumber() {
    for (int policies : new int[] {10, 1000}) {
      MatchAndGenerateBenchmark bench = new MatchAndGenerateBenchmark();
      bench.policies = policies;
      bench.setUp();

      DataplaneRules rules = bench.match();
      XdsResources xds = bench.matchAndGenerate();

      assertThat(rules.meshTraces()).extracting(p -> p.name()).containsExactly("mesh-wide", "mt-0");
      assertThat(rules.trafficTrace().policy()).isEqualTo("tt-1");
      assertThat(rules.tracingSource()).isEqualTo(Source.MESH_TRACE);
      assertThat(xds.listeners()).hasSize(2);
      assertThat(xds.toJson()).contains("svc-0.tracing:9411");
    }
  }

  @Test
  void zoneRegenerationRuns() {
    ZoneRegenerationBenchmark bench = new ZoneRegenerationBenchmark();
    bench.setUp();
    assertThat(bench.dataplanes()).hasSize(10_000);
  }
}
