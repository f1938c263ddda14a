package dev.meridian.bench;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A whole zone regenerated after a mesh-wide change: 10,000 dataplanes of 1,000 services against
 * 100 policies, single-threaded. One operation is all 10,000 dataplanes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ZoneRegenerationBenchmark {
  private MeshPolicies meshPolicies;
  private EndpointIndex endpoints;
  private List<Resource> dataplanes;

  @Setup
  public void setUp() {
    meshPolicies = MeshPolicies.of(Fixtures.mesh(), Fixtures.policies(100));
    dataplanes = Fixtures.dataplanes(10_000, 1_000);
    endpoints = EndpointIndex.of(dataplanes);
  }

  List<Resource> dataplanes() {
    return dataplanes;
  }

  @Benchmark
  public void regenerateZone(Blackhole sink) {
    for (Resource dataplane : dataplanes) {
      DataplaneRules rules = meshPolicies.rules(dataplane, Fixtures.ZONE);
      sink.consume(ProxyGenerator.generate(dataplane, Fixtures.ZONE, rules, endpoints));
    }
  }
}
