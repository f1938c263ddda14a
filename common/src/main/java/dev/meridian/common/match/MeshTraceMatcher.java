package dev.meridian.common.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.dataplane.DataplaneSpec.Inbound;
import dev.meridian.common.parse.Json;
import dev.meridian.common.policy.meshtrace.MeshTraceConf;
import dev.meridian.common.policy.meshtrace.MeshTraceSpec;
import dev.meridian.common.policy.meshtrace.MeshTraces;
import dev.meridian.common.policy.meshtrace.TargetRef;
import dev.meridian.common.policy.meshtrace.TargetRef.Kind;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MeshTraceMatcher finds the MeshTraces that select a dataplane, orders them as Kuma does (kind,
 * then origin, then name descending, so the smallest name is applied last and wins) and merges
 * their confs as JSON merge patches. Built once per mesh state; immutable and thread-safe.
 */
final class MeshTraceMatcher {
  private static final Comparator<Policy> ORDER =
      Comparator.comparingInt((Policy p) -> Kind.rank(p.ref.kind()))
          .thenComparingInt(p -> p.zone == null ? 0 : 1)
          .thenComparing((Policy p) -> p.resource.name(), Comparator.reverseOrder());

  private final TagIndex<Policy> index = new TagIndex<>();
  private final List<SkippedPolicy> skipped = new ArrayList<>();

  /** One indexed policy; {@code zone} is set for a zone-origin policy. */
  private record Policy(
      Resource resource, TargetRef ref, String zone, MeshTraceConf conf, JsonNode json) {}

  MeshTraceMatcher(Collection<Resource> meshTraces) {
    for (Resource resource : meshTraces) {
      MeshTraceSpec spec = resource.spec(MeshTraceSpec.class);
      TargetRef ref = spec.effectiveTargetRef();
      if (Kind.isGateway(ref.kind())) {
        skipped.add(
            new SkippedPolicy(
                resource.type().name(),
                resource.name(),
                "targetRef kind " + ref.kind() + " is not supported for sidecars"));
        continue;
      }
      String zone = resource.isZoneOrigin() ? resource.label(Labels.ZONE) : null;
      JsonNode json = Json.MAPPER.valueToTree(spec.defaultConf());
      Policy policy = new Policy(resource, ref, zone, spec.defaultConf(), json);
      switch (ref.kind()) {
        case Kind.MESH_SERVICE, Kind.MESH_SERVICE_SUBSET ->
            index.addByTag(Labels.SERVICE, ref.name(), policy);
        case Kind.MESH_SUBSET -> {
          Map<String, String> tags = ref.tags() == null ? Map.of() : ref.tags();
          if (tags.isEmpty()) {
            index.addEverywhere(policy);
          } else {
            Map.Entry<String, String> first = tags.entrySet().iterator().next();
            index.addByTag(first.getKey(), first.getValue(), policy);
          }
        }
        default -> index.addEverywhere(policy);
      }
    }
  }

  List<SkippedPolicy> skipped() {
    return skipped;
  }

  /** The policies selecting a dataplane with these inbounds, in merge order. */
  void match(List<Inbound> inbounds, String zone, List<AppliedPolicy> applied, Merge merge) {
    Set<Policy> candidates = TagIndex.newCandidateSet();
    index.candidates(inbounds.stream().map(Inbound::tags).toList(), candidates);
    List<Policy> matched = new ArrayList<>();
    for (Policy p : candidates) {
      if ((p.zone == null || p.zone.equals(zone)) && selects(p.ref, inbounds)) {
        matched.add(p);
      }
    }
    matched.sort(ORDER);
    for (Policy p : matched) {
      applied.add(
          new AppliedPolicy(
              p.resource.type().name(),
              p.resource.name(),
              p.ref.kind(),
              p.zone == null ? Labels.ORIGIN_GLOBAL : Labels.ORIGIN_ZONE));
      merge.add(p.conf, p.json);
    }
  }

  private static boolean selects(TargetRef ref, List<Inbound> inbounds) {
    for (Inbound in : inbounds) {
      boolean match =
          switch (ref.kind()) {
            case Kind.MESH -> true;
            case Kind.MESH_SUBSET -> contains(in.tags(), ref.tags());
            case Kind.MESH_SERVICE -> ref.name().equals(in.service());
            case Kind.MESH_SERVICE_SUBSET ->
                ref.name().equals(in.service()) && contains(in.tags(), ref.tags());
            default -> false;
          };
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(Map<String, String> tags, Map<String, String> required) {
    if (required == null) {
      return true;
    }
    for (Map.Entry<String, String> tag : required.entrySet()) {
      if (!tag.getValue().equals(tags.get(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Merge folds confs in order; a single conf is used as it is, without a JSON round trip. */
  static final class Merge {
    private MeshTraceConf first;
    private JsonNode merged;
    private int count;

    void add(MeshTraceConf conf, JsonNode json) {
      if (count == 0) {
        first = conf;
        merged = json;
      } else {
        merged = JsonMergePatch.apply(merged, json);
      }
      count++;
    }

    MeshTraceConf result() {
      return count <= 1 ? first : MeshTraces.readConf(merged);
    }
  }
}
