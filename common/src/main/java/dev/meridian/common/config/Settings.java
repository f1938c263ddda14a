package dev.meridian.common.config;

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
}
