package dev.meridian.node.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Promtool finds Prometheus's {@code promtool} on the PATH (Debian package {@code prometheus}). */
public final class Promtool {
  /** Set in CI, where a missing promtool must fail the build rather than skip the check. */
  public static final String REQUIRE = "MERIDIAN_REQUIRE_PROMTOOL";

  private Promtool() {}

  public static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "promtool"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public static boolean required() {
    return "1".equals(System.getenv(REQUIRE));
  }
}
