package dev.meridian.ctl;

import dev.meridian.ctl.config.ConfigFile;
import dev.meridian.ctl.config.ConfigProblem;
import dev.meridian.ctl.config.ControlPlaneUrl;
import dev.meridian.ctl.http.ControlPlaneClient;
import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** RemoteOptions is the {@code --cp} option every remote command shares, and its fallbacks. */
final class RemoteOptions {
  @Option(
      names = "--cp",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description = {
        "The control plane's API address, e.g. http://127.0.0.1:5681.",
        "Default: the current context ('meridianctl config use-context'), else"
            + " http://127.0.0.1:5681."
      })
  URI controlPlane;

  /** {@code --cp} wins over the current context, which wins over the default. */
  ControlPlaneClient client(CtlEnvironment env) throws ConfigProblem {
    URI base =
        controlPlane != null
            ? controlPlane
            : ConfigFile.locate(env.variables(), env.home()).controlPlane();
    return new ControlPlaneClient(base, env.timeouts());
  }

  /** Turns a bad URL into picocli's usage error, which names the option. */
  static final class UrlConverter implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        return ControlPlaneUrl.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
