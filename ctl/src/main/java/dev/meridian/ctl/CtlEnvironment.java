package dev.meridian.ctl;

import dev.meridian.ctl.http.Timeouts;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * CtlEnvironment is what a run reads from outside its arguments: environment variables, the home
 * directory, standard input, the clock (for ages) and the HTTP timeouts. Tests pass their own.
 */
record CtlEnvironment(
    Map<String, String> variables, Path home, InputStream stdin, Clock clock, Timeouts timeouts) {
  CtlEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(timeouts, "timeouts");
  }

  static CtlEnvironment system() {
    return new CtlEnvironment(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        System.in,
        Clock.systemUTC(),
        Timeouts.DEFAULT);
  }
}
