package dev.meridian.ctl;

import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.http.RemoteFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * MeridianCtl is the {@code meridianctl} command: offline validation and rendering, and the remote
 * commands that talk to a global or zone node over its HTTP API.
 */
@Command(
    name = "meridianctl",
    mixinStandardHelpOptions = true,
    version = "meridianctl 0.1.0",
    description = "Validate, render and manage Meridian (Kuma-compatible) tracing resources.",
    subcommands = {
      ValidateCommand.class,
      RenderCommand.class,
      ApplyCommand.class,
      GetCommand.class,
      DeleteCommand.class,
      InspectCommand.class,
      ConfigCommand.class
    })
public final class MeridianCtl {
  /** Exit code when input is invalid, a named thing does not exist, or the node refused. */
  static final int FAILED = 1;

  final CtlEnvironment env;

  MeridianCtl(CtlEnvironment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(commandLine(CtlEnvironment.system()).execute(args));
  }

  static CommandLine commandLine() {
    return commandLine(CtlEnvironment.system());
  }

  static CommandLine commandLine(CtlEnvironment env) {
    return new CommandLine(new MeridianCtl(env))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(MeridianCtl::failed);
  }

  /** A node that cannot be reached or a broken config file: one clear message, exit 1. */
  private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof RemoteFailure || e instanceof ConfigProblem) {
      command.getErr().println(e.getMessage());
      command.getErr().flush();
      return FAILED;
    }
    throw e;
  }
}
