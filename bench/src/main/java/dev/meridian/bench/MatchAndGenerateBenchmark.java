package dev.meridian.bench;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.MeshPolicies;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.xds.EndpointIndex;
import dev.meridian.common.xds.ProxyGenerator;
import dev.meridian.common.xds.XdsResources;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching plus Envoy generation for one dataplane against many policies. The dataplane is selected
 * by the same three policies whatever {@code policies} is, so a flat score across the parameter
 * shows that policies which cannot match cost nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchAndGenerateBenchmark {
  @Param({"10", "1000"})
  int policies;

  private MeshPolicies meshPolicies;
  private EndpointIndex endpoints;
  private Resource dataplane;

  @Setup
  public void setUp() {
    meshPolicies = MeshPolicies.of(Fixtures.mesh(), Fixtures.policies(policies));
    List<Resource> dataplanes = Fixtures.dataplanes(100, 50);
    endpoints = EndpointIndex.of(dataplanes);
    dataplane = dataplanes.get(0);
  }

  @Benchmark
  public DataplaneRules match() {
    return meshPolicies.rules(dataplane, Fixtures.ZONE);
  }

  @Benchmark
  public XdsResources matchAndGenerate() {
    DataplaneRules rules = meshPolicies.rules(dataplane, Fixtures.ZONE);
    return ProxyGenerator.generate(dataplane, Fixtures.ZONE, rules, endpoints);
  }
}
