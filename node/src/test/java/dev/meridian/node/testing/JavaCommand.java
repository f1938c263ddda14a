package dev.meridian.node.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaCommand is the command line that runs a packaged node's jar as the {@code bin/} scripts do:
 * this JVM's {@code java}, then the options in {@code MERIDIAN_JAVA_OPTS} (e.g. a heap size or a
 * flight recording for a profile), then {@code -jar}.
 */
final class JavaCommand {
  private JavaCommand() {}

  static List<String> of(String jar) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String options = System.getenv("MERIDIAN_JAVA_OPTS");
    if (options != null && !options.isBlank()) {
      command.addAll(List.of(options.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(jar);
    return command;
  }
}
