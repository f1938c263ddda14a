package dev.meridian.ctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meridian.common.parse.Json;
import dev.meridian.common.render.Renderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** RenderCommand prints the xDS resources one dataplane would receive, offline. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Print the listeners, clusters and endpoints a dataplane would receive, as Envoy JSON.",
      "The files may mix Mesh, policies and Dataplanes; the dataplanes of the files are",
      "the endpoints of the zone."
    })
final class RenderCommand implements Callable<Integer> {
  enum Format {
    json,
    yaml
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files to read; '-' reads standard input.")
  List<String> files;

  @Option(
      names = "--dataplane",
      required = true,
      paramLabel = "MESH/NAME",
      description = "The dataplane to render, e.g. default/web-1.")
  String dataplane;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "The zone the dataplane runs in (adds the kuma.io/zone tag).")
  String zone;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "json",
      paramLabel = "FORMAT",
      description = "json or yaml (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws JsonProcessingException {
    int slash = dataplane.indexOf('/');
    if (slash <= 0 || slash == dataplane.length() - 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--dataplane must be MESH/NAME, e.g. default/web-1; got " + dataplane);
    }
    PrintWriter err = spec.commandLine().getErr();
    InputFiles.Loaded loaded = InputFiles.load(files, System.in, err);
    if (!loaded.ok()) {
      err.printf("%d error(s); nothing rendered%n", loaded.errors());
      err.flush();
      return MeridianCtl.FAILED;
    }
    Renderer.Rendering rendering;
    try {
      rendering =
          Renderer.render(
              loaded.resources(),
              dataplane.substring(0, slash),
              dataplane.substring(slash + 1),
              zone);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return MeridianCtl.FAILED;
    }
    String json = rendering.xds().toJson();
    String text =
        output == Format.json ? json : Json.YAML.writeValueAsString(Json.MAPPER.readTree(json));
    PrintWriter out = spec.commandLine().getOut();
    out.println(text.stripTrailing());
    out.flush();
    return 0;
  }
}
