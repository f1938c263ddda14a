package dev.meridian.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.http.ApiError;
import dev.meridian.ctl.http.ApiPath;
import dev.meridian.ctl.http.RemoteFailure;
import dev.meridian.ctl.output.Format;
import dev.meridian.ctl.output.RulesView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** InspectDataplaneCommand prints the {@code _rules} view of one dataplane. */
@Command(
    name = "dataplane",
    aliases = "dataplanes",
    mixinStandardHelpOptions = true,
    description = {
      "Show where a dataplane's tracing comes from: the MeshTraces in merge order, the",
      "TrafficTrace and its backend, the policies skipped, and the merged MeshTrace conf."
    })
final class InspectDataplaneCommand implements Callable<Integer> {
  @ParentCommand InspectCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin RemoteOptions remote;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(
      names = {"-m", "--mesh"},
      paramLabel = "MESH",
      defaultValue = ResourceReader.DEFAULT_MESH,
      description = "The mesh (default: ${DEFAULT-VALUE}).")
  String mesh;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "On the global: the zone of the dataplane, when zones share the name.")
  String zone;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws ConfigProblem, RemoteFailure {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String path = ApiPath.of("meshes", mesh, "dataplanes", name, "_rules");
    try {
      JsonNode rules =
          remote
              .client(parent.root.env)
              .get(zone == null ? path : ApiPath.query(path, "zone", zone));
      out.print(output == Format.table ? RulesView.render(rules) : Format.text(rules, output));
      return 0;
    } catch (ApiError e) {
      err.println(
          e.status() == 404
              ? Kind.DATAPLANES.describe(mesh, name)
                  + (zone == null ? "" : ", zone " + zone)
                  + " not found"
              : e.getMessage());
      return MeridianCtl.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
