package dev.meridian.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ConfigFile reads a node's YAML config file: a flat mapping of setting keys to values. It reports
 * problems instead of throwing, so that they join those of the other settings.
 */
final class ConfigFile {
  private ConfigFile() {}

  /** The file's values by key, as text; problems go to {@code problems}. */
  static Map<String, String> read(Path file, List<String> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = Json.YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      problems.add("--config " + file + ": file not found; pass an existing YAML file");
      return values;
    } catch (IOException e) {
      problems.add(file + ": cannot read it as YAML: " + oneLine(e.getMessage()));
      return values;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return values; // an empty file sets nothing
    }
    if (!root.isObject()) {
      problems.add(file + ": must be a mapping of setting names to values, e.g. apiPort: 5681");
      return values;
    }
    root.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
              } else {
                problems.add(file + ": " + e.getKey() + ": must be a single value");
              }
            });
    return values;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
