package dev.meridian.common.policy.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Fields;
import dev.meridian.common.policy.mesh.TracingBackend.DatadogConf;
import dev.meridian.common.policy.mesh.TracingBackend.ZipkinConf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MeshDecoder reads a Mesh body, including the oldest backend form {@code {zipkin: {url}}}. */
final class MeshDecoder {
  /** Kuma Mesh sections Meridian does not act on but accepts and keeps. */
  private static final List<String> KEPT =
      List.of(
          "mtls",
          "logging",
          "metrics",
          "networking",
          "routing",
          "constraints",
          "skipCreatingInitialPolicies",
          "meshServices");

  private MeshDecoder() {}

  static MeshSpec decode(Fields f) {
    Map<String, JsonNode> other = new LinkedHashMap<>();
    for (String key : KEPT) {
      JsonNode value = f.raw(key);
      if (value != null) {
        other.put(key, value);
      }
    }
    Fields tracing = f.object("tracing");
    return new MeshSpec(tracing == null ? null : tracing(tracing), other);
  }

  private static Tracing tracing(Fields f) {
    String defaultBackend = f.string("defaultBackend");
    List<TracingBackend> backends = new ArrayList<>();
    List<Fields> items = f.objects("backends");
    if (items != null) {
      items.forEach(item -> backends.add(backend(item)));
    }
    f.finish();
    return new Tracing(defaultBackend, backends);
  }

  private static TracingBackend backend(Fields f) {
    String name = f.string("name");
    String type = f.string("type");
    Double sampling = f.number("sampling");
    ZipkinConf zipkin = null;
    DatadogConf datadog = null;
    String confField = "conf";
    Fields legacyZipkin = f.object("zipkin");
    if (legacyZipkin != null) {
      // Seed 002 (Kuma 0.x) writes a backend as {name, sampling, zipkin: {url}}.
      if (type != null || f.has("conf")) {
        f.violations().error(f.pathOf("zipkin"), "must not be set together with type and conf");
      }
      type = TracingBackend.ZIPKIN;
      confField = "zipkin";
      zipkin = zipkin(legacyZipkin);
    } else if (TracingBackend.ZIPKIN.equals(type)) {
      Fields conf = f.object("conf");
      zipkin = conf == null ? new ZipkinConf(null, null, null, null) : zipkin(conf);
    } else if (TracingBackend.DATADOG.equals(type)) {
      Fields conf = f.object("conf");
      datadog = conf == null ? new DatadogConf(null, null, null) : datadog(conf);
    } else {
      f.ignore("conf"); // the validator reports the unknown type; its conf cannot be read
    }
    f.finish();
    return new TracingBackend(name, type, sampling, zipkin, datadog, confField);
  }

  private static ZipkinConf zipkin(Fields f) {
    ZipkinConf conf =
        new ZipkinConf(
            f.string("url"),
            f.bool("traceId128bit"),
            f.string("apiVersion"),
            f.bool("sharedSpanContext"));
    f.finish();
    return conf;
  }

  private static DatadogConf datadog(Fields f) {
    DatadogConf conf =
        new DatadogConf(f.string("address"), f.integer("port"), f.bool("splitService"));
    f.finish();
    return conf;
  }
}
