package dev.meridian.zone.xds;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.xds.XdsResources;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ServedDataplane is what the zone serves one dataplane now: the rules that apply to it (as {@code
 * _rules} shows them), the xDS resources it receives, why tracing those rules call for was not
 * rendered (the locality guard's refusals; empty when nothing was refused) and the version of each
 * resource type, keyed by type URL, which is a hash of that type's resources.
 */
public record ServedDataplane(
    DataplaneRules rules, XdsResources xds, List<String> refusals, Map<String, String> versions) {
  public ServedDataplane {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(xds, "xds");
    refusals = List.copyOf(refusals);
    versions = Map.copyOf(versions);
  }
}
