package dev.meridian.common.validation;

import java.util.List;
import java.util.Map;

/**
 * TagKeys warns about tag keys that are one or two edits away from a well-known {@code kuma.io/}
 * key: such a selector is valid but silently selects nothing (the MeshTrace page's own example says
 * {@code kuma.io/zome}).
 */
public final class TagKeys {
  static final List<String> WELL_KNOWN =
      List.of(
          "kuma.io/service",
          "kuma.io/zone",
          "kuma.io/protocol",
          "kuma.io/instance",
          "kuma.io/subzone");

  private TagKeys() {}

  /** Adds a warning at {@code path["key"]} for each near-miss key of {@code tags}. */
  public static void lint(Map<String, String> tags, String path, Violations v) {
    for (String key : tags.keySet()) {
      nearMiss(key)
          .ifPresent(
              known ->
                  v.warn(
                      path + "[\"" + key + "\"]",
                      "tag key \""
                          + key
                          + "\" is not a well-known key; did you mean \""
                          + known
                          + "\"? As written it selects only dataplanes that carry this exact tag"));
    }
  }

  static java.util.Optional<String> nearMiss(String key) {
    if (WELL_KNOWN.contains(key)) {
      return java.util.Optional.empty();
    }
    return WELL_KNOWN.stream().filter(known -> distance(key, known) <= 2).findFirst();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
