package dev.meridian.common.dataplane;

import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.dataplane.DataplaneSpec.Networking;
import dev.meridian.common.dataplane.DataplaneSpec.Outbound;
import dev.meridian.common.parse.Fields;
import java.util.List;

/** DataplaneDecoder reads a Dataplane body ({@code networking}). */
final class DataplaneDecoder {
  private DataplaneDecoder() {}

  static DataplaneSpec decode(Fields f) {
    Fields n = f.object("networking");
    if (n == null) {
      return new DataplaneSpec(null);
    }
    String address = n.string("address");
    List<Fields> inbound = n.objects("inbound");
    List<Fields> outbound = n.objects("outbound");
    Networking networking =
        new Networking(
            address,
            inbound == null ? null : inbound.stream().map(DataplaneDecoder::inbound).toList(),
            outbound == null ? null : outbound.stream().map(DataplaneDecoder::outbound).toList());
    n.finish();
    return new DataplaneSpec(networking);
  }

  private static Inbound inbound(Fields f) {
    Inbound inbound = new Inbound(f.integer("port"), f.integer("servicePort"), f.stringMap("tags"));
    f.finish();
    return inbound;
  }

  private static Outbound outbound(Fields f) {
    Outbound outbound = new Outbound(f.integer("port"), f.stringMap("tags"));
    f.finish();
    return outbound;
  }
}
