package dev.meridian.ctl;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ValidateCommand checks resource files offline; warnings are printed but do not fail. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate Mesh, TrafficTrace, MeshTrace and Dataplane resources (YAML or JSON,",
      "Universal or Kubernetes form). Exit 0 when all are valid, 1 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files to read; '-' reads standard input.")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InputFiles.Loaded loaded = InputFiles.load(files, System.in, err);
    if (!loaded.ok()) {
      err.printf("%d error(s), %d warning(s)%n", loaded.errors(), loaded.warnings());
      err.flush();
      return MeridianCtl.FAILED;
    }
    out.printf(
        "%d resource(s) valid, %d warning(s)%n", loaded.resources().size(), loaded.warnings());
    out.flush();
    return 0;
  }
}
