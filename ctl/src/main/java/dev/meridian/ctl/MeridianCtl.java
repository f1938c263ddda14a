package dev.meridian.ctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** MeridianCtl is the {@code meridianctl} command: offline validation and rendering for now. */
@Command(
    name = "meridianctl",
    mixinStandardHelpOptions = true,
    version = "meridianctl 0.1.0",
    description = "Validate Meridian (Kuma-compatible) tracing resources and render Envoy config.",
    subcommands = {ValidateCommand.class, RenderCommand.class})
public final class MeridianCtl {
  /** Exit code when input is invalid or a named thing does not exist. */
  static final int FAILED = 1;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new MeridianCtl()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
