package dev.meridian.common.policy.meshtrace;

import dev.meridian.common.policy.meshtrace.MeshTraceConf.Backend;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Datadog;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Percentage;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Sampling;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Tag;
import dev.meridian.common.policy.meshtrace.MeshTraceConf.Zipkin;
import dev.meridian.common.policy.meshtrace.TargetRef.Kind;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.TagKeys;
import dev.meridian.common.validation.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.stream.Stream;

/** MeshTraceValidator checks a MeshTrace with Kuma's rules and messages, all at once. */
final class MeshTraceValidator {
  private MeshTraceValidator() {}

  static void validate(Resource resource, ValidationContext context, Violations v) {
    MeshTraceSpec spec = resource.spec(MeshTraceSpec.class);
    if (spec.targetRef() != null) {
      targetRef(spec.targetRef(), "spec.targetRef", v);
    }
    MeshTraceConf conf = spec.defaultConf();
    if (conf == null || conf.backends() == null) {
      v.error("spec.default.backends", "must be defined");
      conf = conf == null ? new MeshTraceConf(null, null, null) : conf;
    } else if (conf.backends().size() > 1) {
      v.error("spec.default.backends", "must have zero or one backend defined");
    } else if (conf.backends().size() == 1) {
      backend(conf.backends().get(0), "spec.default.backends[0]", v);
    }
    if (conf.tags() != null) {
      for (int i = 0; i < conf.tags().size(); i++) {
        tag(conf.tags().get(i), "spec.default.tags[" + i + "]", v);
      }
    }
    if (conf.sampling() != null) {
      Sampling s = conf.sampling();
      percentage(s.overall(), "spec.default.sampling.overall", v);
      percentage(s.client(), "spec.default.sampling.client", v);
      percentage(s.random(), "spec.default.sampling.random", v);
    }
  }

  private static void targetRef(TargetRef ref, String path, Violations v) {
    String kind = ref.kind();
    if (kind == null || kind.isEmpty()) {
      v.error(path + ".kind", "must be defined");
      return;
    }
    if (Kind.rank(kind) < 0) {
      v.error(path + ".kind", "value '" + kind + "' is not supported");
      return;
    }
    boolean named = ref.name() != null && !ref.name().isEmpty();
    boolean tagged = ref.tags() != null;
    switch (kind) {
      case Kind.MESH -> {
        if (named) {
          v.error(path + ".name", "using name with kind Mesh is not yet supported");
        }
        if (tagged) {
          v.error(path + ".tags", "must not be set with kind Mesh");
        }
      }
      case Kind.MESH_SUBSET -> {
        if (named) {
          v.error(path + ".name", "must not be set with kind MeshSubset");
        }
      }
      case Kind.MESH_SERVICE, Kind.MESH_GATEWAY, Kind.MESH_GATEWAY_ROUTE -> {
        if (!named) {
          v.error(path + ".name", "must be set with kind " + kind);
        }
        if (tagged) {
          v.error(path + ".tags", "must not be set with kind " + kind);
        }
      }
      default -> { // MeshServiceSubset
        if (!named) {
          v.error(path + ".name", "must be set with kind " + kind);
        }
      }
    }
    if (tagged) {
      ref.tags()
          .forEach(
              (key, value) -> {
                if (key.isEmpty()) {
                  v.error(path + ".tags", "tag name must be non-empty");
                }
                if (value.isEmpty()) {
                  v.error(path + ".tags[\"" + key + "\"]", "tag value must be non-empty");
                }
              });
      TagKeys.lint(ref.tags(), path + ".tags", v);
    }
  }

  private static void backend(Backend b, String path, Violations v) {
    long defined =
        Stream.of(b.zipkin(), b.datadog(), b.openTelemetry()).filter(x -> x != null).count();
    if (defined != 1) {
      v.error(path, "backend must have exactly one type defined: zipkin, datadog, openTelemetry");
    }
    if (b.zipkin() != null) {
      zipkin(b.zipkin(), path + ".zipkin", v);
    }
    if (b.datadog() != null) {
      datadog(b.datadog(), path + ".datadog", v);
    }
    if (b.openTelemetry() != null) {
      openTelemetry(b.openTelemetry().endpoint(), path + ".openTelemetry.endpoint", v);
    }
  }

  private static void zipkin(Zipkin z, String path, Violations v) {
    if (z.url() == null || z.url().isEmpty()) {
      v.error(path + ".url", "must not be empty");
    } else {
      URI uri = uri(z.url());
      if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
        v.error(path + ".url", "must be a valid url");
      }
    }
    if (z.apiVersion() != null
        && !Zipkin.HTTP_JSON.equals(z.apiVersion())
        && !Zipkin.HTTP_PROTO.equals(z.apiVersion())) {
      v.error(path + ".apiVersion", "must be one of: httpJson, httpProto");
    }
  }

  private static void datadog(Datadog d, String path, Violations v) {
    String url = path + ".url";
    URI uri = d.url() == null ? null : uri(d.url());
    if (uri != null && uri.isOpaque()) {
      // Kuma parses "http:agent:8126" as a URL with an opaque part and no host, hence no port.
      if (!"http".equals(uri.getScheme())) {
        v.error(url, "scheme must be http");
      }
      v.error(url, "port must be defined");
      v.error(url, "opaque must not be defined");
      return;
    }
    if (uri == null || uri.getHost() == null) {
      v.error(url, "must be a valid url");
      return;
    }
    if (!"http".equals(uri.getScheme())) {
      v.error(url, "scheme must be http");
    }
    if (uri.getPort() == -1) {
      v.error(url, "port must be defined");
    } else if (uri.getPort() < 1 || uri.getPort() > 65535) {
      v.error(url, "port must be a valid (1-65535)");
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
      v.error(url, "path must not be defined");
    }
    if (uri.getRawUserInfo() != null) {
      v.error(url, "user must not be defined");
    }
    if (uri.getRawQuery() != null) {
      v.error(url, "query must not be defined");
    }
    if (uri.getRawFragment() != null) {
      v.error(url, "fragment must not be defined");
    }
  }

  private static void openTelemetry(String endpoint, String path, Violations v) {
    if (endpoint == null || endpoint.isEmpty()) {
      v.error(path, "must not be empty");
      return;
    }
    if (endpoint.contains("://")) {
      v.error(path, "must be in host:port format, not a URL");
      return;
    }
    int colon = endpoint.lastIndexOf(':');
    Integer port = colon < 1 ? null : parsePort(endpoint.substring(colon + 1));
    if (port == null) {
      v.error(path, "must be in host:port format, not a URL");
    }
  }

  private static Integer parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port >= 1 && port <= 65535 ? port : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void tag(Tag tag, String path, Violations v) {
    if (tag.name() == null || tag.name().isEmpty()) {
      v.error(path + ".name", "must not be empty");
    }
    if ((tag.literal() == null) == (tag.header() == null)) {
      v.error(path, "tag must have only one type defined: header, literal");
    }
    if (tag.header() != null && (tag.header().name() == null || tag.header().name().isEmpty())) {
      v.error(path + ".header.name", "must not be empty");
    }
  }

  private static void percentage(Percentage p, String path, Violations v) {
    if (p == null) {
      return;
    }
    Double value = p.value();
    if (value == null) {
      v.error(path, "string is not a number");
    } else if (value < 0 || value > 100) {
      v.error(path, "must be between 0 and 100");
    }
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
