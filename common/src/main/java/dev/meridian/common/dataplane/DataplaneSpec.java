package dev.meridian.common.dataplane;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Spec;
import java.util.List;
import java.util.Map;

/**
 * DataplaneSpec is a Dataplane in Kuma's Universal form: an address, the services it offers
 * (inbounds) and the services it calls (outbounds).
 */
public record DataplaneSpec(Networking networking) implements Spec {
  /** Networking holds the dataplane's address, inbounds and outbounds. */
  public record Networking(String address, List<Inbound> inbound, List<Outbound> outbound) {
    public Networking {
      inbound = inbound == null ? List.of() : List.copyOf(inbound);
      outbound = outbound == null ? List.of() : List.copyOf(outbound);
    }
  }

  /** Inbound is one offered service: traffic to {@code port} goes to {@code servicePort}. */
  public record Inbound(Integer port, Integer servicePort, Map<String, String> tags) {
    public Inbound {
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The port the application listens on; Kuma defaults it to the inbound port. */
    @JsonIgnore
    public int effectiveServicePort() {
      return servicePort != null ? servicePort : port;
    }

    @JsonIgnore
    public String service() {
      return tags.get(Labels.SERVICE);
    }
  }

  /** Outbound is one called service, reached through 127.0.0.1:{@code port}. */
  public record Outbound(Integer port, Map<String, String> tags) {
    public Outbound {
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @JsonIgnore
    public String service() {
      return tags.get(Labels.SERVICE);
    }
  }

  public String address() {
    return networking == null ? null : networking.address();
  }

  public List<Inbound> inbound() {
    return networking == null ? List.of() : networking.inbound();
  }

  public List<Outbound> outbound() {
    return networking == null ? List.of() : networking.outbound();
  }
}
