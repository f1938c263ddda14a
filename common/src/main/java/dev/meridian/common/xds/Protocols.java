package dev.meridian.common.xds;

import dev.meridian.common.resource.Labels;
import java.util.Map;
import java.util.Set;

/** Protocols reads Kuma's {@code kuma.io/protocol} tag and says which filter each value gets. */
final class Protocols {
  static final String TCP = "tcp";
  private static final Set<String> HTTP = Set.of("http", "http2", "grpc");
  private static final Set<String> HTTP2 = Set.of("http2", "grpc");

  private Protocols() {}

  /** The tag's value, or {@code tcp} when it is absent or empty. */
  static String of(Map<String, String> tags) {
    String protocol = tags.get(Labels.PROTOCOL);
    return protocol == null || protocol.isEmpty() ? TCP : protocol;
  }

  /** True when traffic is proxied by an HttpConnectionManager (and so can be traced). */
  static boolean isHttp(String protocol) {
    return HTTP.contains(protocol);
  }

  /** True when the upstream must be spoken to over HTTP/2. */
  static boolean isHttp2(String protocol) {
    return HTTP2.contains(protocol);
  }
}
