package dev.meridian.common.dataplane;

import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.dataplane.DataplaneSpec.Networking;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dataplanes declares the Dataplane resource type. */
public final class Dataplanes {
  public static final ResourceType TYPE =
      new ResourceType(
          "Dataplane",
          "dataplanes",
          true,
          false,
          DataplaneDecoder::decode,
          DataplaneValidator::validate);

  private Dataplanes() {}

  /**
   * The dataplane as its zone sees it: every inbound carries {@code kuma.io/zone: <zone>}, which is
   * what lets a MeshSubset on the zone tag select it. A null zone leaves it unchanged.
   */
  public static Resource inZone(Resource dataplane, String zone) {
    DataplaneSpec spec = dataplane.spec(DataplaneSpec.class);
    if (zone == null || spec.networking() == null) {
      return dataplane;
    }
    List<Inbound> inbound = new ArrayList<>();
    for (Inbound in : spec.inbound()) {
      Map<String, String> tags = new HashMap<>(in.tags());
      tags.put(Labels.ZONE, zone);
      inbound.add(new Inbound(in.port(), in.servicePort(), tags));
    }
    Networking networking =
        new Networking(spec.networking().address(), inbound, spec.networking().outbound());
    return new Resource(
        dataplane.type(),
        dataplane.mesh(),
        dataplane.name(),
        dataplane.labels(),
        dataplane.creationTime(),
        new DataplaneSpec(networking));
  }
}
