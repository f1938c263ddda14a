package dev.meridian.ctl;

import dev.meridian.common.parse.Json;
import dev.meridian.ctl.config.ConfigFile;
import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.config.Contexts;
import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** ConfigCommand manages the named control planes of the config file. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Manage contexts: named control plane addresses, kept in ~/.meridian/config.yaml",
      "(or the file $" + ConfigFile.ENV + " names)."
    })
final class ConfigCommand {
  @ParentCommand MeridianCtl root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Command(
      name = "add-context",
      mixinStandardHelpOptions = true,
      description = "Add (or replace) a context and make it the current one.")
  int addContext(
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = "--cp",
              required = true,
              paramLabel = "URL",
              converter = RemoteOptions.UrlConverter.class,
              description = "The control plane's API address, e.g. http://127.0.0.1:5681.")
          URI controlPlane)
      throws ConfigProblem {
    file().add(new Contexts.Context(name, controlPlane.toString()));
    out().printf("context %s (%s) added and now current%n", name, controlPlane);
    out().flush();
    return 0;
  }

  @Command(
      name = "use-context",
      mixinStandardHelpOptions = true,
      description = "Make a context the current one.")
  int useContext(@Parameters(paramLabel = "NAME") String name) throws ConfigProblem {
    file().use(name);
    out().printf("now using context %s%n", name);
    out().flush();
    return 0;
  }

  @Command(
      name = "view",
      mixinStandardHelpOptions = true,
      description = "Print the config file and which control plane commands use.")
  int view() throws ConfigProblem {
    ConfigFile file = file();
    Contexts contexts = file.read();
    URI current = file.controlPlane();
    PrintWriter out = out();
    out.println("# " + file.path());
    out.println(
        "# commands without --cp use "
            + current
            + (contexts.currentContext() == null ? " (the default)" : ""));
    out.print(yaml(contexts));
    out.flush();
    return 0;
  }

  private ConfigFile file() {
    return ConfigFile.locate(root.env.variables(), root.env.home());
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private static String yaml(Contexts contexts) {
    try {
      return Json.YAML.writeValueAsString(contexts);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Strings and lists always write.
      throw new IllegalStateException(e);
    }
  }
}
