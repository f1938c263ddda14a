package dev.meridian.common.policy.traffictrace;

import dev.meridian.common.parse.Fields;
import dev.meridian.common.policy.traffictrace.TrafficTraceSpec.Conf;
import dev.meridian.common.policy.traffictrace.TrafficTraceSpec.Selector;
import java.util.ArrayList;
import java.util.List;

/** TrafficTraceDecoder reads a TrafficTrace body ({@code selectors}, {@code conf}). */
final class TrafficTraceDecoder {
  private TrafficTraceDecoder() {}

  static TrafficTraceSpec decode(Fields f) {
    List<Selector> selectors = null;
    List<Fields> items = f.objects("selectors");
    if (items != null) {
      selectors = new ArrayList<>();
      for (Fields item : items) {
        selectors.add(new Selector(item.stringMap("match")));
        item.finish();
      }
    }
    Conf conf = null;
    Fields c = f.object("conf");
    if (c != null) {
      conf = new Conf(c.string("backend"));
      c.finish();
    }
    return new TrafficTraceSpec(selectors, conf);
  }
}
