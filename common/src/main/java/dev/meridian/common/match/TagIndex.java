package dev.meridian.common.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TagIndex finds the entries that may select a set of tags without looking at the others: an entry
 * is filed under one {@code key=value} it requires, under a key whose value it does not care about,
 * or as matching everything. Lookups return candidates that the caller still checks.
 */
final class TagIndex<T> {
  private final List<T> everywhere = new ArrayList<>();
  private final Map<String, List<T>> byTag = new HashMap<>();
  private final Map<String, List<T>> byKey = new HashMap<>();

  void addEverywhere(T entry) {
    everywhere.add(entry);
  }

  void addByTag(String key, String value, T entry) {
    byTag.computeIfAbsent(key + '=' + value, k -> new ArrayList<>()).add(entry);
  }

  void addByKey(String key, T entry) {
    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
  }

  /** Adds to {@code out} every entry that may select some of {@code tagSets}, once each. */
  void candidates(Collection<Map<String, String>> tagSets, Set<T> out) {
    out.addAll(everywhere);
    for (Map<String, String> tags : tagSets) {
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        List<T> exact = byTag.get(tag.getKey() + '=' + tag.getValue());
        if (exact != null) {
          out.addAll(exact);
        }
        List<T> any = byKey.get(tag.getKey());
        if (any != null) {
          out.addAll(any);
        }
      }
    }
  }

  static <T> Set<T> newCandidateSet() {
    return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
