package dev.meridian.common.match;

import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.policy.mesh.Tracing;
import dev.meridian.common.policy.mesh.TracingBackend;
import dev.meridian.common.policy.traffictrace.TrafficTraceSpec;
import dev.meridian.common.policy.traffictrace.TrafficTraceSpec.Selector;
import dev.meridian.common.resource.Resource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TrafficTraceMatcher picks the one TrafficTrace for a dataplane by Kuma's ranking: most matched
 * tags, then most exact (non-{@code *}) tags, then the newest, then the first by name; and resolves
 * its backend in the mesh. Built once per mesh state; immutable and thread-safe.
 */
final class TrafficTraceMatcher {
  private static final String ANY = "*";

  private final TagIndex<Entry> index = new TagIndex<>();
  private final Tracing tracing;

  /** One selector of one policy. */
  private record Entry(Resource policy, Map<String, String> match) {}

  /** How well a selector matched: tags matched, exact tags among them. */
  private record Rank(int tags, int exact) implements Comparable<Rank> {
    @Override
    public int compareTo(Rank o) {
      return tags != o.tags ? Integer.compare(tags, o.tags) : Integer.compare(exact, o.exact);
    }
  }

  TrafficTraceMatcher(Tracing tracing, Collection<Resource> trafficTraces) {
    this.tracing = tracing == null ? new Tracing(null, null) : tracing;
    for (Resource policy : trafficTraces) {
      for (Selector selector : policy.spec(TrafficTraceSpec.class).selectors()) {
        Entry entry = new Entry(policy, selector.match());
        Map.Entry<String, String> exact =
            selector.match().entrySet().stream()
                .filter(t -> !ANY.equals(t.getValue()))
                .findFirst()
                .orElse(null);
        if (exact != null) {
          index.addByTag(exact.getKey(), exact.getValue(), entry);
        } else if (!selector.match().isEmpty()) {
          index.addByKey(selector.match().keySet().iterator().next(), entry);
        }
      }
    }
  }

  /** The chosen policy and its backend, or null when no TrafficTrace selects the dataplane. */
  TrafficTraceRule match(List<Inbound> inbounds) {
    Set<Entry> candidates = TagIndex.newCandidateSet();
    index.candidates(inbounds.stream().map(Inbound::tags).toList(), candidates);
    Resource best = null;
    Rank bestRank = null;
    for (Entry entry : candidates) {
      for (Inbound in : inbounds) {
        Rank rank = rank(entry.match, in.tags());
        if (rank != null && (best == null || better(rank, entry.policy, bestRank, best))) {
          best = entry.policy;
          bestRank = rank;
        }
      }
    }
    return best == null ? null : resolve(best);
  }

  private static boolean better(Rank rank, Resource policy, Rank bestRank, Resource best) {
    int byRank = rank.compareTo(bestRank);
    if (byRank != 0) {
      return byRank > 0;
    }
    if (policy == best) {
      return false;
    }
    Instant created = policy.creationTime() == null ? Instant.EPOCH : policy.creationTime();
    Instant bestCreated = best.creationTime() == null ? Instant.EPOCH : best.creationTime();
    int byTime = created.compareTo(bestCreated);
    if (byTime != 0) {
      return byTime > 0;
    }
    return policy.name().compareTo(best.name()) < 0;
  }

  private static Rank rank(Map<String, String> match, Map<String, String> tags) {
    int exact = 0;
    for (Map.Entry<String, String> want : match.entrySet()) {
      String value = tags.get(want.getKey());
      if (value == null) {
        return null;
      }
      if (!ANY.equals(want.getValue())) {
        if (!want.getValue().equals(value)) {
          return null;
        }
        exact++;
      }
    }
    return new Rank(match.size(), exact);
  }

  private TrafficTraceRule resolve(Resource policy) {
    String named = policy.spec(TrafficTraceSpec.class).backend();
    String backendName = named != null ? named : tracing.defaultBackend();
    if (backendName == null || backendName.isEmpty()) {
      return new TrafficTraceRule(
          policy.name(), null, null, "no backend named and the mesh has no defaultBackend");
    }
    TracingBackend backend = tracing.backend(backendName).orElse(null);
    String problem =
        backend == null ? "backend \"" + backendName + "\" is not defined in the mesh" : null;
    return new TrafficTraceRule(policy.name(), backendName, backend, problem);
  }
}
