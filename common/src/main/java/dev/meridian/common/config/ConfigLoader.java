package dev.meridian.common.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ConfigLoader resolves a node's settings: each from its environment variable when set, else from
 * the config file when given and set there, else its default. It checks every setting and reports
 * all problems at once, each naming where the value came from and what would be accepted.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * @param file the YAML config file, or null for none
   * @param env the environment, usually {@code System.getenv()}
   * @throws ConfigException listing every invalid setting and every unknown key of the file
   */
  public static Settings load(Path file, Map<String, String> env, List<Setting<?>> settings)
      throws ConfigException {
    List<String> problems = new ArrayList<>();
    Map<String, String> fromFile = file == null ? Map.of() : ConfigFile.read(file, problems);
    List<String> known = settings.stream().map(Setting::key).toList();
    for (String key : fromFile.keySet()) {
      if (!known.contains(key)) {
        problems.add(
            file
                + ": unknown setting \""
                + key
                + "\"; known settings: "
                + String.join(", ", known));
      }
    }
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> setting : settings) {
      String envValue = env.get(setting.env());
      if (envValue != null) {
        parse(setting, envValue, setting.env(), values, problems);
      } else if (fromFile.containsKey(setting.key())) {
        parse(setting, fromFile.get(setting.key()), file + ": " + setting.key(), values, problems);
      } else {
        values.put(setting, setting.defaultValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Settings(values);
  }

  private static void parse(
      Setting<?> setting,
      String text,
      String source,
      Map<Setting<?>, Object> values,
      List<String> problems) {
    try {
      values.put(setting, setting.parser().parse(text));
    } catch (IllegalArgumentException e) {
      problems.add(source + ": \"" + text + "\" " + e.getMessage());
    }
  }
}
