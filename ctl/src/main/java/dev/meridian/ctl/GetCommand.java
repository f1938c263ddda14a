package dev.meridian.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.parse.Json;
import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.http.ApiError;
import dev.meridian.ctl.http.ApiPath;
import dev.meridian.ctl.http.ControlPlaneClient;
import dev.meridian.ctl.http.RemoteFailure;
import dev.meridian.ctl.output.Format;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** GetCommand lists resources of one type, every page, or prints one. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "List resources of a type, or show one by name.")
final class GetCommand implements Callable<Integer> {
  @ParentCommand MeridianCtl root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin RemoteOptions remote;

  @Parameters(
      index = "0",
      paramLabel = "TYPE",
      converter = Kind.Converter.class,
      description = "meshes, meshtraces, traffic-traces, dataplanes or zones (or the singular).")
  Kind kind;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "One resource.")
  String name;

  @Option(
      names = {"-m", "--mesh"},
      paramLabel = "MESH",
      description = "The mesh (default: default).")
  String mesh;

  @Option(
      names = {"-A", "--all-meshes"},
      description = "List across all meshes.")
  boolean allMeshes;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "For one dataplane on the global: the zone it comes from.")
  String zone;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws ConfigProblem, RemoteFailure {
    Scope scope = Scope.check(spec.commandLine(), kind, name, mesh, allMeshes);
    if (zone != null && (kind != Kind.DATAPLANES || name == null)) {
      throw new ParameterException(spec.commandLine(), "--zone applies to one dataplane");
    }
    ControlPlaneClient client = remote.client(root.env);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (name == null) {
        list(client, scope, out, err);
      } else {
        one(client, scope.mesh(), out);
      }
      return 0;
    } catch (ApiError e) {
      err.println(notFound(e) ? describe(scope.mesh()) + " not found" : e.getMessage());
      return MeridianCtl.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private void list(ControlPlaneClient client, Scope scope, PrintWriter out, PrintWriter err)
      throws RemoteFailure {
    List<JsonNode> items = client.list(kind.listPath(scope.mesh(), allMeshes));
    if (output != Format.table) {
      ObjectNode all = Json.MAPPER.createObjectNode().put("total", items.size());
      all.putArray("items").addAll(items);
      out.print(Format.text(all, output));
    } else if (items.isEmpty()) {
      err.println("no " + kind.collection() + (scope.shown() ? " in mesh " + scope.mesh() : ""));
    } else {
      out.print(ResourceRows.table(kind, items, root.env.clock().instant()));
    }
  }

  private void one(ControlPlaneClient client, String mesh, PrintWriter out) throws RemoteFailure {
    String path = kind.itemPath(mesh, name);
    JsonNode item = client.get(zone == null ? path : ApiPath.query(path, "zone", zone));
    if (output == Format.table) {
      out.print(ResourceRows.table(kind, List.of(item), root.env.clock().instant()));
    } else {
      out.print(Format.text(item, output));
    }
  }

  private boolean notFound(ApiError e) {
    return e.status() == 404 && name != null;
  }

  private String describe(String mesh) {
    return kind.describe(mesh, name) + (zone == null ? "" : ", zone " + zone);
  }

  /** The mesh a request is about, after checking the options fit the type. */
  record Scope(String mesh, boolean shown) {
    static Scope check(
        picocli.CommandLine cli, Kind kind, String name, String mesh, boolean allMeshes) {
      if (!kind.meshScoped() && (mesh != null || allMeshes)) {
        throw new ParameterException(
            cli, kind.collection() + " belong to no mesh; drop -m/--mesh and -A/--all-meshes");
      }
      if (allMeshes && mesh != null) {
        throw new ParameterException(cli, "give -m/--mesh or -A/--all-meshes, not both");
      }
      if (allMeshes && name != null) {
        throw new ParameterException(cli, "-A/--all-meshes lists; give -m MESH to get one by name");
      }
      return new Scope(
          mesh == null ? ResourceReader.DEFAULT_MESH : mesh, kind.meshScoped() && !allMeshes);
    }
  }
}
