package dev.meridian.ctl.output;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RulesView prints a dataplane's {@code _rules} answer for a person: where its tracing comes from,
 * the MeshTraces in merge order, the TrafficTrace, the policies skipped, and the merged conf.
 */
public final class RulesView {
  private RulesView() {}

  public static String render(JsonNode rules) {
    StringBuilder out = new StringBuilder();
    out.append(
        new Table("DATAPLANE", "ZONE", "TRACING")
            .row(text(rules, "dataplane"), text(rules, "zone"), text(rules, "tracing"))
            .render());

    out.append("\nMESHTRACES (merge order, later wins)\n");
    JsonNode meshTraces = rules.path("meshTraces");
    if (meshTraces.isEmpty()) {
      out.append("none\n");
    } else {
      Table table = new Table("NAME", "TARGET KIND", "ORIGIN");
      meshTraces.forEach(p -> table.row(text(p, "name"), text(p, "targetKind"), text(p, "origin")));
      out.append(table.render());
    }

    out.append("\nTRAFFICTRACE\n");
    JsonNode trafficTrace = rules.path("trafficTrace");
    if (!trafficTrace.isObject()) {
      out.append("none\n");
    } else {
      out.append(
          new Table("POLICY", "BACKEND", "PROBLEM")
              .row(
                  text(trafficTrace, "policy"),
                  text(trafficTrace, "backendName"),
                  text(trafficTrace, "problem"))
              .render());
    }

    out.append("\nSKIPPED\n");
    JsonNode skipped = rules.path("skipped");
    if (skipped.isEmpty()) {
      out.append("none\n");
    } else {
      Table table = new Table("TYPE", "NAME", "REASON");
      skipped.forEach(p -> table.row(text(p, "type"), text(p, "name"), text(p, "reason")));
      out.append(table.render());
    }

    out.append("\nMERGED MESHTRACE CONF\n");
    JsonNode conf = rules.path("meshTraceConf");
    out.append(conf.isObject() ? Format.text(conf, Format.yaml) : "none\n");
    return out.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
