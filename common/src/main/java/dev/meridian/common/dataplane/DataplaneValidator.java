package dev.meridian.common.dataplane;

import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.dataplane.DataplaneSpec.Outbound;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.Violations;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** DataplaneValidator checks what config generation relies on: address, ports, service tags. */
final class DataplaneValidator {
  private DataplaneValidator() {}

  static void validate(Resource resource, ValidationContext context, Violations v) {
    DataplaneSpec spec = resource.spec(DataplaneSpec.class);
    if (spec.networking() == null) {
      v.error("networking", "must be defined");
      return;
    }
    if (spec.address() == null || spec.address().isEmpty()) {
      v.error("networking.address", "must be defined");
    }
    if (spec.inbound().isEmpty()) {
      v.error("networking.inbound", "must have at least one element");
    }
    Set<Integer> inboundPorts = new HashSet<>();
    for (int i = 0; i < spec.inbound().size(); i++) {
      Inbound in = spec.inbound().get(i);
      String path = "networking.inbound[" + i + "]";
      port(in.port(), path + ".port", inboundPorts, v);
      if (in.servicePort() != null) {
        port(in.servicePort(), path + ".servicePort", null, v);
      }
      tags(in.tags(), path + ".tags", v);
    }
    Set<Integer> outboundPorts = new HashSet<>();
    for (int i = 0; i < spec.outbound().size(); i++) {
      Outbound out = spec.outbound().get(i);
      String path = "networking.outbound[" + i + "]";
      port(out.port(), path + ".port", outboundPorts, v);
      tags(out.tags(), path + ".tags", v);
    }
  }

  private static void port(Integer port, String path, Set<Integer> used, Violations v) {
    if (port == null) {
      v.error(path, "must be defined");
    } else if (port < 1 || port > 65535) {
      v.error(path, "port must be in the range [1, 65535]");
    } else if (used != null && !used.add(port)) {
      v.error(path, "port " + port + " is already used by another entry of this list");
    }
  }

  private static void tags(Map<String, String> tags, String path, Violations v) {
    // An empty service value is reported once, as "tag value cannot be empty", as Kuma does.
    if (!tags.containsKey(Labels.SERVICE)) {
      v.error(path + "[\"" + Labels.SERVICE + "\"]", "tag has to exist");
    }
    tags.forEach(
        (key, value) -> {
          if (value.isEmpty()) {
            v.error(path + "[\"" + key + "\"]", "tag value cannot be empty");
          }
        });
  }
}
