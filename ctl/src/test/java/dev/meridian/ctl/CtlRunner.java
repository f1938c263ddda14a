package dev.meridian.ctl;

import dev.meridian.ctl.http.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/**
 * CtlRunner runs meridianctl in-process with an environment of the test's own: the config file in a
 * temporary directory, a fixed clock, given standard input and timeouts.
 */
final class CtlRunner {
  /** The fixed "now" of every test; ages are computed from it. */
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  record Run(int exit, String out, String err) {}

  private final Path dir;
  private final Timeouts timeouts;
  private final String stdin;

  private CtlRunner(Path dir, Timeouts timeouts, String stdin) {
    this.dir = dir;
    this.timeouts = timeouts;
    this.stdin = stdin;
  }

  /**
   * Config in {@code dir/config.yaml}; the home directory is {@code dir/home}, never the user's.
   */
  static CtlRunner in(Path dir) {
    return new CtlRunner(dir, Timeouts.DEFAULT, "");
  }

  CtlRunner withTimeouts(Timeouts t) {
    return new CtlRunner(dir, t, stdin);
  }

  CtlRunner withStdin(String text) {
    return new CtlRunner(dir, timeouts, text);
  }

  Path configFile() {
    return dir.resolve("config.yaml");
  }

  Run run(String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    CtlEnvironment env =
        new CtlEnvironment(
            Map.of("MERIDIAN_CONFIG", configFile().toString()),
            dir.resolve("home"),
            in,
            Clock.fixed(NOW, ZoneOffset.UTC),
            timeouts);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MeridianCtl.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
