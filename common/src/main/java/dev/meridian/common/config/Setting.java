package dev.meridian.common.config;

import java.util.Objects;

/**
 * Setting is one node setting: its key in the YAML config file, its environment variable, its
 * default and how its text is parsed.
 */
public record Setting<T>(String key, String env, T defaultValue, ValueParser<T> parser) {
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(parser, "parser");
  }

  /** ValueParser turns a setting's text into its value, or says what is wrong with it. */
  @FunctionalInterface
  public interface ValueParser<T> {
    /**
     * @throws IllegalArgumentException with the problem, phrased to follow the quoted value, e.g.
     *     {@code is not a port (1-65535)}
     */
    T parse(String text);
  }
}
