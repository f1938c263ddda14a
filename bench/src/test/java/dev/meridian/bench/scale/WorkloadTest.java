package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.ValidationContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void splitsDataplanesBetweenTheZonesWithUniqueNamesAndAddresses() {
    List<SimDataplane> dps = Workload.dataplanes(1001);
    assertThat(dps.stream().filter(d -> d.zone().equals("east"))).hasSize(501);
    assertThat(dps.stream().filter(d -> d.zone().equals("west"))).hasSize(500);
    Set<String> addresses = new HashSet<>();
    dps.forEach(
        d ->
            addresses.add(
                d.yaml().lines().filter(l -> l.contains("address")).findFirst().orElseThrow()));
    assertThat(addresses).hasSize(1001);
    assertThat(dps.get(0).nodeId()).isEqualTo("default.dp-east-0");
  }

  @Test
  void everyResourceIsValid() {
    List<String> yamls =
        List.of(
            Workload.dataplanes(3).get(2).yaml(),
            Workload.mesh(Workload.JOIN_MESH),
            Workload.meshWide(Workload.MESH, "a", Workload.BASELINE_HOST),
            Workload.zoneTargeted(Workload.collectorHost("zone-1")),
            Workload.serviceTargeted(Workload.JOIN_MESH, "b", "join-svc-1", "b.collector.bench"));
    for (String yaml : yamls) {
      ParsedResource parsed = ResourceReader.read(yaml).get(0);
      assertThat(parsed.readErrors()).as(yaml).isEmpty();
      assertThat(parsed.validate(ValidationContext.EMPTY).errors()).as(yaml).isEmpty();
    }
  }
}
