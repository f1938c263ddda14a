package dev.meridian.common.policy.mesh;

import dev.meridian.common.policy.mesh.TracingBackend.DatadogConf;
import dev.meridian.common.policy.mesh.TracingBackend.ZipkinConf;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MeshValidator checks a Mesh's tracing backends with Kuma's rules and messages. Paths name the
 * {@code conf} field the user wrote, where Kuma's messages say {@code config}.
 */
final class MeshValidator {
  private static final List<String> ZIPKIN_API_VERSIONS =
      List.of("httpJsonV1", "httpJson", "httpProto");

  private MeshValidator() {}

  static void validate(Resource resource, ValidationContext context, Violations v) {
    Tracing tracing = resource.spec(MeshSpec.class).tracing();
    if (tracing == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tracing.backends().size(); i++) {
      backend(tracing.backends().get(i), "tracing.backends[" + i + "]", names, v);
    }
    String defaultBackend = tracing.defaultBackend();
    if (defaultBackend != null
        && !defaultBackend.isEmpty()
        && tracing.backend(defaultBackend).isEmpty()) {
      v.error("tracing.defaultBackend", "has to be set to one of the tracing backend in mesh");
    }
  }

  private static void backend(TracingBackend b, String path, Set<String> names, Violations v) {
    if (b.name() == null || b.name().isEmpty()) {
      v.error(path + ".name", "cannot be empty");
    } else if (!names.add(b.name())) {
      v.error(path + ".name", "\"" + b.name() + "\" name is already used for another backend");
    }
    if (b.sampling() != null && (b.sampling() < 0.0 || b.sampling() > 100.0)) {
      v.error(path + ".sampling", "has to be in [0.0 - 100.0] range");
    }
    if (b.zipkin() != null) {
      zipkin(b.zipkin(), path + "." + b.confField(), v);
    } else if (b.datadog() != null) {
      datadog(b.datadog(), path + "." + b.confField(), v);
    } else {
      v.error(path + ".type", "unknown backend type. Available backends: \"zipkin\", \"datadog\"");
    }
  }

  private static void zipkin(ZipkinConf conf, String path, Violations v) {
    if (conf.url() == null || conf.url().isEmpty()) {
      v.error(path + ".url", "cannot be empty");
    } else {
      URI uri = parse(conf.url());
      if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
        v.error(path + ".url", "invalid URL");
      } else if (uri.getPort() == -1) {
        v.error(path + ".url", "port has to be explicitly specified");
      }
    }
    if (conf.apiVersion() != null && !ZIPKIN_API_VERSIONS.contains(conf.apiVersion())) {
      v.error(
          path + ".apiVersion",
          "has invalid value. Allowed values: httpJsonV1, httpJson, httpProto");
    }
  }

  private static void datadog(DatadogConf conf, String path, Violations v) {
    if (conf.address() == null || conf.address().isEmpty()) {
      v.error(path + ".address", "cannot be empty");
    }
    if (conf.port() == null || conf.port() < 1 || conf.port() > 65535) {
      v.error(path + ".port", "port must be in the range [1, 65535]");
    }
  }

  static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
