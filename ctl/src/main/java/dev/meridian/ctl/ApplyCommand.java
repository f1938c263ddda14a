package dev.meridian.ctl;

import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.resource.Resource;
import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.http.ApiError;
import dev.meridian.ctl.http.ApiPath;
import dev.meridian.ctl.http.ControlPlaneClient;
import dev.meridian.ctl.http.RemoteFailure;
import dev.meridian.ctl.http.Written;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * ApplyCommand creates or replaces the resources of files on a control plane. Each file is all or
 * nothing as far as validation goes: one invalid resource and nothing of that file is sent. The API
 * has no transactions, so a resource the server refuses does not undo the ones before it.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update resources on a control plane. Every resource of a file is validated",
      "first; a file with an error applies nothing. Meshes of a file go first. Exit 1 if",
      "anything failed."
    })
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand MeridianCtl root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin RemoteOptions remote;

  @Option(
      names = {"-f", "--file"},
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files to apply; '-' reads standard input.")
  List<String> files;

  @Override
  public Integer call() throws ConfigProblem, RemoteFailure {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ControlPlaneClient client = remote.client(root.env);
    InputFiles.Loaded loaded = InputFiles.load(files, root.env.stdin(), err, false);
    int failed = 0;
    try {
      for (InputFiles.FileResult file : loaded.files()) {
        if (!file.ok()) {
          err.printf(
              "%s: %d error(s); nothing applied from this file%n", file.file(), file.errors());
          failed++;
        } else if (file.resources().isEmpty()) {
          err.printf("%s: no resources; nothing applied%n", file.file());
          failed++;
        } else {
          failed += apply(client, file, out, err);
        }
      }
    } finally {
      out.flush();
      err.flush();
    }
    return failed == 0 ? 0 : MeridianCtl.FAILED;
  }

  /** PUTs each resource, Meshes first; returns how many the server refused. */
  private static int apply(
      ControlPlaneClient client, InputFiles.FileResult file, PrintWriter out, PrintWriter err)
      throws RemoteFailure {
    int failed = 0;
    List<Resource> ordered =
        file.resources().stream()
            .sorted(Comparator.comparing((Resource r) -> r.type().meshScoped()))
            .toList();
    for (Resource resource : ordered) {
      try {
        Written written = client.put(path(resource), ResourceWriter.toUniversal(resource));
        out.println(resource + (written.created() ? " created" : " updated"));
        written.warnings().forEach(w -> err.println(resource + ": warning: " + w));
      } catch (ApiError e) {
        err.println(file.file() + ": " + resource + ": " + e.getMessage());
        failed++;
      }
    }
    return failed;
  }

  static String path(Resource resource) {
    if (!resource.type().meshScoped()) {
      return ApiPath.of("meshes", resource.name());
    }
    return ApiPath.of("meshes", resource.mesh(), resource.type().collection(), resource.name());
  }
}
