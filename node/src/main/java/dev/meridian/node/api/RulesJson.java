package dev.meridian.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.match.AppliedPolicy;
import dev.meridian.common.match.DataplaneRules;
import dev.meridian.common.match.SkippedPolicy;
import dev.meridian.common.match.TrafficTraceRule;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import java.util.List;
import java.util.Optional;

/**
 * RulesJson writes {@link DataplaneRules} in the shape {@code docs/http-api.md} gives, with {@code
 * refused} only when the node has refusals to show (a zone).
 */
final class RulesJson {
  private RulesJson() {}

  static ObjectNode of(
      Resource dataplane, String zone, DataplaneRules rules, Optional<List<String>> refused) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("dataplane", dataplane.mesh() + "/" + dataplane.name());
    body.put("zone", zone);
    body.put("tracing", rules.tracingSource().name());
    var meshTraces = body.putArray("meshTraces");
    for (AppliedPolicy p : rules.meshTraces()) {
      meshTraces
          .addObject()
          .put("type", p.type())
          .put("name", p.name())
          .put("targetKind", p.targetKind())
          .put("origin", p.origin());
    }
    if (rules.meshTraceConf() == null) {
      body.putNull("meshTraceConf");
    } else {
      body.set("meshTraceConf", Json.MAPPER.valueToTree(rules.meshTraceConf()));
    }
    TrafficTraceRule traffic = rules.trafficTrace();
    if (traffic == null) {
      body.putNull("trafficTrace");
    } else {
      body.putObject("trafficTrace")
          .put("policy", traffic.policy())
          .put("backendName", traffic.backendName())
          .put("problem", traffic.problem());
    }
    var skipped = body.putArray("skipped");
    for (SkippedPolicy s : rules.skipped()) {
      skipped.addObject().put("type", s.type()).put("name", s.name()).put("reason", s.reason());
    }
    refused.ifPresent(reasons -> reasons.forEach(body.putArray("refused")::add));
    return body;
  }
}
