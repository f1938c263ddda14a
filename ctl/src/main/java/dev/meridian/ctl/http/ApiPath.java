package dev.meridian.ctl.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** ApiPath builds request paths with each segment and query value percent-encoded. */
public final class ApiPath {
  private ApiPath() {}

  /** {@code of("meshes", "default", "meshtraces")} is {@code /meshes/default/meshtraces}. */
  public static String of(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(encode(segment));
    }
    return path.toString();
  }

  /** Appends {@code ?name=value}, or {@code &name=value} when the path has a query already. */
  public static String query(String path, String name, String value) {
    return path + (path.contains("?") ? "&" : "?") + name + "=" + encode(value);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
