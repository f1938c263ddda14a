package dev.meridian.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * ScaleCommand is {@code bench/scale}: it checks the options, runs {@link ScaleRun}, writes {@code
 * report.json} and {@code propagation.png} and prints the summary. Exit 0 when the run measured
 * everything and found no problem, 1 otherwise, 2 on bad options.
 */
@Command(
    name = "scale",
    description =
        "Runs a global, zones east and west and N simulated dataplanes; measures issue 6.")
public final class ScaleCommand implements Callable<Integer> {
  /** Dataplane addresses are 10.zone.(i / 256).(i % 256): unique up to this many. */
  private static final int MAX_DATAPLANES = 65_536;

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "prints this help and exits")
  boolean help;

  @Option(
      names = "--dataplanes",
      defaultValue = "1000",
      description = "simulated dataplanes, split between east and west (default: ${DEFAULT-VALUE})")
  int dataplanes;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "changes of each kind, samples pooled (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description =
          "changes of each kind made first and left out of the figures (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--join-policies",
      defaultValue = "10000",
      description =
          "MeshTraces written (global writes) and synced by the joining zone (default: ${DEFAULT-VALUE})")
  int joinPolicies;

  @Option(
      names = "--replicated-writes",
      defaultValue = "2000",
      description =
          "MeshTraces written through a global of three replicas, for its writes/s; 0 skips it"
              + " (default: ${DEFAULT-VALUE})")
  int replicatedWrites;

  @Option(
      names = "--channels",
      defaultValue = "8",
      description = "gRPC channels per zone that carry the streams (default: ${DEFAULT-VALUE})")
  int channels;

  @Option(
      names = "--writers",
      defaultValue = "4",
      description = "concurrent HTTP clients of the global writes (default: ${DEFAULT-VALUE})")
  int writers;

  @Option(
      names = "--settle",
      defaultValue = "2s",
      description =
          "how long the other zone is watched after a zone-targeted change (default: ${DEFAULT-VALUE})")
  String settle;

  @Option(
      names = "--deadline",
      defaultValue = "10m",
      description = "the whole run's bound, e.g. 90s or 10m (default: ${DEFAULT-VALUE})")
  String deadline;

  @Option(
      names = "--out",
      description =
          "directory of the report, chart and node logs (default: bench/results/<time>-n<N>)")
  Path out;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    return new CommandLine(new ScaleCommand())
        .setExecutionExceptionHandler(
            (e, cli, parsed) -> {
              cli.getErr().println("scale: " + e.getMessage());
              if (!(e instanceof ScaleFailure)) {
                e.printStackTrace(cli.getErr());
              }
              return 1;
            })
        .execute(args);
  }

  @Override
  public Integer call() throws Exception {
    ScaleRun.Options options = options();
    Files.createDirectories(options.out());
    ScaleRun.Result result = new ScaleRun(options).run();
    result.report().write(options.out().resolve("report.json"));
    Chart.write(
        options.out().resolve("propagation.png"),
        "Propagation, " + dataplanes + " dataplanes, " + rounds + " round(s) each",
        result.samples());
    Summary.print(result.report(), spec.commandLine().getOut());
    spec.commandLine().getOut().println("report: " + options.out().resolve("report.json"));
    return result.report().problems().isEmpty() ? 0 : 1;
  }

  ScaleRun.Options options() {
    atLeast("--dataplanes", dataplanes, 2);
    if (dataplanes > MAX_DATAPLANES) {
      throw new ParameterException(
          spec.commandLine(),
          "--dataplanes: " + dataplanes + " (expected: <= " + MAX_DATAPLANES + ")");
    }
    atLeast("--rounds", rounds, 1);
    atLeast("--warmup", warmup, 0);
    atLeast("--join-policies", joinPolicies, 1);
    atLeast("--replicated-writes", replicatedWrites, 0);
    atLeast("--channels", channels, 1);
    atLeast("--writers", writers, 1);
    Path dir =
        out != null
            ? out
            : Path.of(
                "bench",
                "results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-n"
                    + dataplanes);
    // Absolute: the nodes run in directories of their own and resolve their data dirs there.
    dir = dir.toAbsolutePath();
    if (Files.exists(dir.resolve("nodes"))) {
      throw new ParameterException(
          spec.commandLine(),
          "--out: " + dir + " already holds a run (nodes/); choose another directory or delete it");
    }
    return new ScaleRun.Options(
        dataplanes,
        rounds,
        warmup,
        joinPolicies,
        replicatedWrites,
        channels,
        writers,
        duration("--settle", settle),
        duration("--deadline", deadline),
        dir);
  }

  private void atLeast(String option, int value, int min) {
    if (value < min) {
      throw new ParameterException(
          spec.commandLine(), option + ": " + value + " (expected: >= " + min + ")");
    }
  }

  private Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(),
          option + ": '" + text + "' (expected: a duration like 500ms, 90s, 10m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
