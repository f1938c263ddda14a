package dev.meridian.common.xds;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * CollectorAddress is where a tracing collector listens, read from a URL ({@code zipkin.url},
 * {@code datadog.url}), a {@code host:port} (OpenTelemetry) or a Mesh backend's address and port.
 * {@code authority} is the URL's host and port as written, for Zipkin's collector_hostname.
 */
record CollectorAddress(String host, int port, String path, String authority, boolean tls) {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /** An http or https URL; without an explicit port, 80 for http and 443 for https. */
  static CollectorAddress fromUrl(String url) {
    URI uri = URI.create(url);
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    String host = unbracket(uri.getHost());
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
    String authority = uri.getPort() != -1 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new CollectorAddress(host, port, path, authority, tls);
  }

  /** A plain {@code host:port}, spoken to without TLS. */
  static CollectorAddress fromHostPort(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    String host = unbracket(endpoint.substring(0, colon));
    return of(host, Integer.parseInt(endpoint.substring(colon + 1)));
  }

  static CollectorAddress of(String host, int port) {
    return new CollectorAddress(host, port, "", host + ":" + port, false);
  }

  /** True for an IPv4 or IPv6 literal, which needs no DNS; decided without any lookup. */
  boolean isIp() {
    return isIp(host);
  }

  static boolean isIp(String host) {
    return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
