package dev.meridian.ctl.config;

/** ConfigProblem is a config file that cannot be read or written, or names no such context. */
public final class ConfigProblem extends Exception {
  private static final long serialVersionUID = 1L;

  ConfigProblem(String message) {
    super(message);
  }
}
