package dev.meridian.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.http.ApiError;
import dev.meridian.ctl.http.RemoteFailure;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** DeleteCommand deletes one resource and prints every resource the server deleted with it. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete one resource. Deleting a Mesh deletes its policies too; each is printed."
    })
final class DeleteCommand implements Callable<Integer> {
  @ParentCommand MeridianCtl root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin RemoteOptions remote;

  @Parameters(
      index = "0",
      paramLabel = "TYPE",
      converter = Kind.Converter.class,
      description = "meshes, meshtraces, traffic-traces or dataplanes (or the singular).")
  Kind kind;

  @Parameters(index = "1", paramLabel = "NAME")
  String name;

  @Option(
      names = {"-m", "--mesh"},
      paramLabel = "MESH",
      description = "The mesh (default: default).")
  String mesh;

  @Override
  public Integer call() throws ConfigProblem, RemoteFailure {
    if (kind == Kind.ZONES) {
      throw new ParameterException(
          spec.commandLine(), "zones cannot be deleted; a zone is listed while it connects");
    }
    String scope = GetCommand.Scope.check(spec.commandLine(), kind, name, mesh, false).mesh();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      JsonNode answer = remote.client(root.env).delete(kind.itemPath(scope, name));
      JsonNode deleted = answer.path("deleted");
      if (deleted.isEmpty()) {
        out.println(kind.describe(scope, name) + " deleted");
      }
      deleted.forEach(d -> out.println(d.asText() + " deleted"));
      return 0;
    } catch (ApiError e) {
      err.println(e.status() == 404 ? kind.describe(scope, name) + " not found" : e.getMessage());
      return MeridianCtl.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
