package dev.meridian.zone.xds;

import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.xds.TracingCollector;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * LocalityGuard keeps a zone's traces inside the zone: when the allowed collector hosts are set, a
 * dataplane whose rules trace to any other host is rendered without tracing and the refusal is
 * given back to be shown and counted. An empty set turns the guard off.
 */
final class LocalityGuard {
  private final Set<String> allowedHosts;

  LocalityGuard(Set<String> allowedHosts) {
    this.allowedHosts = Set.copyOf(allowedHosts);
  }

  /** Decision is the rules to render and why they differ from the rules that apply. */
  record Decision(DataplaneRules rendered, List<String> refusals) {}

  Decision check(DataplaneRules rules) {
    if (allowedHosts.isEmpty()) {
      return new Decision(rules, List.of());
    }
    Optional<TracingCollector> collector = TracingCollector.of(rules);
    if (collector.isEmpty() || allowedHosts.contains(collector.get().host())) {
      return new Decision(rules, List.of());
    }
    String refusal =
        collector.get().policy()
            + ": collector host "
            + collector.get().host()
            + " is not an allowed collector host of this zone "
            + new TreeSet<>(allowedHosts)
            + "; tracing is off for this dataplane";
    return new Decision(rules.withoutTracing(), List.of(refusal));
  }
}
