package dev.meridian.common.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.validation.Violations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields reads the members of one JSON object and records, with their path, every member of the
 * wrong type and, on {@link #finish()}, every member nobody asked for. Getters return {@code null}
 * for an absent, null or ill-typed member, so a decoder can go on and report all problems at once.
 */
public final class Fields {
  private final JsonNode node;
  private final String path;
  private final Violations violations;
  private final Set<String> read = new HashSet<>();

  private Fields(JsonNode node, String path, Violations violations) {
    this.node = node;
    this.path = path;
    this.violations = violations;
  }

  /** Reads {@code node} as an object at {@code path}; null (with an error) when it is not one. */
  public static Fields of(JsonNode node, String path, Violations violations) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      violations.error(path, "must be an object");
      return null;
    }
    return new Fields(node, path, violations);
  }

  public String path() {
    return path;
  }

  public Violations violations() {
    return violations;
  }

  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    return node.has(key);
  }

  /** The member as it is, unchecked; marks it as read. */
  public JsonNode raw(String key) {
    read.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  public String string(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      violations.error(pathOf(key), "must be a string");
      return null;
    }
    return value.textValue();
  }

  public Boolean bool(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      violations.error(pathOf(key), "must be a boolean");
      return null;
    }
    return value.booleanValue();
  }

  public Integer integer(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      violations.error(pathOf(key), "must be an integer");
      return null;
    }
    return value.intValue();
  }

  public Double number(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      violations.error(pathOf(key), "must be a number");
      return null;
    }
    return value.doubleValue();
  }

  public Fields object(String key) {
    return of(raw(key), pathOf(key), violations);
  }

  /** The member as a list of objects; null when absent, items that are not objects are skipped. */
  public List<Fields> objects(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      violations.error(pathOf(key), "must be a list");
      return null;
    }
    List<Fields> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      Fields item = of(value.get(i), pathOf(key) + "[" + i + "]", violations);
      if (item != null) {
        items.add(item);
      } else if (value.get(i).isNull()) {
        violations.error(pathOf(key) + "[" + i + "]", "must be an object");
      }
    }
    return items;
  }

  /** The member as a map of string to string (tags, labels); null when absent. */
  public Map<String, String> stringMap(String key) {
    JsonNode value = raw(key);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      violations.error(pathOf(key), "must be a map of strings");
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    value
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                map.put(e.getKey(), e.getValue().textValue());
              } else {
                violations.error(pathOf(key) + "[\"" + e.getKey() + "\"]", "must be a string");
              }
            });
    return map;
  }

  /** Marks members as read without reading them (fields accepted for compatibility, ignored). */
  public void ignore(String... keys) {
    read.addAll(List.of(keys));
  }

  /** Reports every member that was not read as unknown. */
  public void finish() {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!read.contains(name)) {
                violations.error(pathOf(name), "unknown field");
              }
            });
  }
}
