package dev.meridian.ctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** InspectCommand groups the views that explain what the control plane decided. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Explain what applies to a resource and why.",
    subcommands = InspectDataplaneCommand.class)
final class InspectCommand {
  @ParentCommand MeridianCtl root;
}
