package dev.meridian.node.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaCommand is the command line that runs a packaged node's jar as the {@code bin/} scripts do:
 * this JVM's {@code java}, then the options in {@code MERIDIAN_JAVA_OPTS} (e.g. a heap size or a
 * flight recording for a profile), then the caller's own options, then {@code -jar}.
 */
final class JavaCommand {
  private JavaCommand() {}

  static List<String> of(String jar) {
    return of(jar, List.of());
  }

  static List<String> of(String jar, List<String> options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String fromEnvironment = System.getenv("MERIDIAN_JAVA_OPTS");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      command.addAll(List.of(fromEnvironment.trim().split("\\s+")));
    }
    command.addAll(options);
    command.add("-jar");
    command.add(jar);
    return command;
  }
}
