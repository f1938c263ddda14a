package dev.meridian.common.policy.meshtrace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Fields;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Backend;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Datadog;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Header;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.OpenTelemetry;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Percentage;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Sampling;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Tag;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Zipkin;
import java.util.List;

/** MeshTraceDecoder reads a MeshTrace body; its fields' path is {@code spec}. */
final class MeshTraceDecoder {
  private MeshTraceDecoder() {}

  static MeshTraceSpec decode(Fields f) {
    TargetRef targetRef = null;
    Fields t = f.object("targetRef");
    if (t != null) {
      targetRef = new TargetRef(t.string("kind"), t.string("name"), t.stringMap("tags"));
      t.finish();
    }
    Fields d = f.object("default");
    return new MeshTraceSpec(targetRef, d == null ? null : conf(d));
  }

  /** Reads a conf ({@code spec.default}, or a merged conf at any path). */
  static MeshTraceConf conf(Fields f) {
    List<Fields> backends = f.objects("backends");
    List<Fields> tags = f.objects("tags");
    Fields sampling = f.object("sampling");
    MeshTraceConf conf =
        new MeshTraceConf(
            backends == null ? null : backends.stream().map(MeshTraceDecoder::backend).toList(),
            sampling == null ? null : sampling(sampling),
            tags == null ? null : tags.stream().map(MeshTraceDecoder::tag).toList());
    f.finish();
    return conf;
  }

  private static Backend backend(Fields f) {
    // Later Kuma versions also write the kind of backend as `type`; accept it when it agrees.
    String type = f.string("type");
    Fields zipkin = f.object("zipkin");
    Fields datadog = f.object("datadog");
    Fields otel = f.object("openTelemetry");
    if (type != null
        && (type.isEmpty() || !f.has(Character.toLowerCase(type.charAt(0)) + type.substring(1)))) {
      f.violations().error(f.pathOf("type"), "must name the backend that is defined");
    }
    Backend backend =
        new Backend(
            zipkin == null ? null : zipkin(zipkin),
            datadog == null ? null : datadog(datadog),
            otel == null ? null : openTelemetry(otel));
    f.finish();
    return backend;
  }

  private static Zipkin zipkin(Fields f) {
    Zipkin zipkin =
        new Zipkin(
            f.string("url"),
            f.bool("traceId128bit"),
            f.string("apiVersion"),
            f.bool("sharedSpanContext"));
    f.finish();
    return zipkin;
  }

  private static Datadog datadog(Fields f) {
    Datadog datadog = new Datadog(f.string("url"), f.bool("splitService"));
    f.finish();
    return datadog;
  }

  private static OpenTelemetry openTelemetry(Fields f) {
    OpenTelemetry otel = new OpenTelemetry(f.string("endpoint"));
    f.finish();
    return otel;
  }

  private static Sampling sampling(Fields f) {
    Sampling sampling =
        new Sampling(percentage(f, "overall"), percentage(f, "client"), percentage(f, "random"));
    f.finish();
    return sampling;
  }

  /**
   * An integer, or a number in a string. The MeshTrace page writes {@code overall: {value: 80}}, a
   * form no Kuma release accepts; it is read as {@code overall: 80} so the page's examples apply.
   */
  private static Percentage percentage(Fields f, String key) {
    JsonNode value = f.raw(key);
    if (value != null && value.isObject()) {
      Fields wrapped = Fields.of(value, f.pathOf(key), f.violations());
      value = wrapped.raw("value");
      wrapped.finish();
      if (value == null) {
        f.violations().error(f.pathOf(key) + ".value", "must be defined");
        return null;
      }
    }
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return new Percentage(value.asText(), false);
    }
    if (value.isNumber()) {
      return new Percentage(value.decimalValue().toPlainString(), false);
    }
    if (value.isTextual()) {
      return new Percentage(value.textValue(), true);
    }
    f.violations().error(f.pathOf(key), "must be an integer or a string");
    return null;
  }

  private static Tag tag(Fields f) {
    Fields h = f.object("header");
    Header header = null;
    if (h != null) {
      header = new Header(h.string("name"), h.string("default"));
      h.finish();
    }
    Tag tag = new Tag(f.string("name"), f.string("literal"), header);
    f.finish();
    return tag;
  }
}
