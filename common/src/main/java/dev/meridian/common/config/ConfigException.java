package dev.meridian.common.config;

import java.util.List;

/** ConfigException lists every problem with a node's settings, one per line. */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
