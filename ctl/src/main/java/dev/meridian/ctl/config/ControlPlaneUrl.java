package dev.meridian.ctl.config;

import java.net.URI;
import java.net.URISyntaxException;

/** ControlPlaneUrl checks a control plane address: http or https, a host, no query. */
public final class ControlPlaneUrl {
  public static final URI DEFAULT = URI.create("http://127.0.0.1:5681");

  private ControlPlaneUrl() {}

  /** The URL, or IllegalArgumentException saying what is wrong and what a good one looks like. */
  public static URI parse(String text) {
    String example = "; expected e.g. " + DEFAULT;
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL" + example, e);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an http:// or https:// URL" + example);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' has no host" + example);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "'" + text + "' must not have a user, query or fragment" + example);
    }
    return uri;
  }
}
