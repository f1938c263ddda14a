package dev.meridian.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Settings holds the parsed value of every setting a node was loaded with. */
public final class Settings {
  private final Map<Setting<?>, Object> values;

  Settings(Map<Setting<?>, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** The value of {@code setting}: from the environment, else the file, else its default. */
  public <T> T get(Setting<T> setting) {
    Object value = values.get(setting);
    if (value == null) {
      throw new IllegalArgumentException("setting " + setting.key() + " was not loaded");
    }
    @SuppressWarnings("unchecked") // put by ConfigLoader from this setting's own parser
    T typed = (T) value;
    return typed;
  }

  /**
   * Checks that {@code ports} are all different, naming each pair that is not.
   *
   * @throws ConfigException listing every clash
   */
  @SafeVarargs
  public final void requireDistinct(Setting<Integer>... ports) throws ConfigException {
    List<String> clashes = new ArrayList<>();
    for (int i = 0; i < ports.length; i++) {
      for (int j = i + 1; j < ports.length; j++) {
        Setting<Integer> a = ports[i];
        Setting<Integer> b = ports[j];
        if (get(a).equals(get(b))) {
          clashes.add(
              a.env()
                  + " and "
                  + b.env()
                  + " are both "
                  + get(a)
                  + "; give each its own port (a config file key "
                  + a.key()
                  + " / "
                  + b.key()
                  + " works too)");
        }
      }
    }
    if (!clashes.isEmpty()) {
      throw new ConfigException(clashes);
    }
  }
}
