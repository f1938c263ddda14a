package dev.meridian.global.kds;

import java.util.regex.Pattern;

/**
 * ZoneNames checks the name a zone gives itself. It becomes a label value and a metric tag, so it
 * is held to Kubernetes' DNS label rule, as Kuma's zone names are.
 */
final class ZoneNames {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX = 63;

  private ZoneNames() {}

  /** Null when {@code name} is a valid zone name, otherwise what is wrong with it. */
  static String problem(String name) {
    if (name.isEmpty()) {
      return "zone name must not be empty: the first message of a stream names the zone";
    }
    if (name.length() > MAX || !NAME.matcher(name).matches()) {
      return "invalid zone name \""
          + name
          + "\": use lower-case letters, digits and '-', start and end with a letter or digit,"
          + " at most "
          + MAX
          + " characters";
    }
    return null;
  }
}
