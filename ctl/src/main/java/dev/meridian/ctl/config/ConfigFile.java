package dev.meridian.ctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meridian.common.parse.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** ConfigFile reads and writes the contexts file and picks the control plane to talk to. */
public final class ConfigFile {
  /** Names another config file, e.g. per project or in tests. */
  public static final String ENV = "MERIDIAN_CONFIG";

  private final Path path;

  private ConfigFile(Path path) {
    this.path = path;
  }

  /** {@code $MERIDIAN_CONFIG}, else {@code ~/.meridian/config.yaml}. */
  public static ConfigFile locate(Map<String, String> env, Path home) {
    String override = env.get(ENV);
    if (override != null && !override.isBlank()) {
      return new ConfigFile(Path.of(override));
    }
    return new ConfigFile(home.resolve(".meridian").resolve("config.yaml"));
  }

  public Path path() {
    return path;
  }

  /** The contexts; none when the file does not exist yet. */
  public Contexts read() throws ConfigProblem {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      return Contexts.EMPTY;
    } catch (IOException e) {
      throw new ConfigProblem(path + ": cannot read: " + e.getMessage());
    }
    if (text.isBlank()) {
      return Contexts.EMPTY;
    }
    try {
      return Json.YAML.readValue(text, Contexts.class);
    } catch (JsonProcessingException e) {
      throw new ConfigProblem(
          path
              + ": not a meridianctl config ("
              + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", "; ")
              + "); fix it or delete it");
    }
  }

  /** The control plane of the current context, or the default when there is none. */
  public URI controlPlane() throws ConfigProblem {
    Contexts contexts = read();
    if (contexts.currentContext() == null) {
      return ControlPlaneUrl.DEFAULT;
    }
    Contexts.Context current =
        contexts
            .find(contexts.currentContext())
            .orElseThrow(
                () ->
                    new ConfigProblem(
                        path
                            + ": the current context \""
                            + contexts.currentContext()
                            + "\" is not defined; run 'meridianctl config use-context NAME'"));
    try {
      return ControlPlaneUrl.parse(current.controlPlane());
    } catch (IllegalArgumentException e) {
      throw new ConfigProblem(path + ": context \"" + current.name() + "\": " + e.getMessage());
    }
  }

  public void add(Contexts.Context context) throws ConfigProblem {
    write(read().with(context));
  }

  public void use(String name) throws ConfigProblem {
    Contexts contexts = read();
    if (contexts.find(name).isEmpty()) {
      throw new ConfigProblem(
          "no context \""
              + name
              + "\" in "
              + path
              + "; known: "
              + (contexts.contexts().isEmpty()
                  ? "none (add one with 'meridianctl config add-context NAME --cp URL')"
                  : String.join(
                      ", ", contexts.contexts().stream().map(Contexts.Context::name).toList())));
    }
    write(contexts.use(name));
  }

  /** Writes to a temporary file and moves it, so a crash never leaves half a config. */
  private void write(Contexts contexts) throws ConfigProblem {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".config", ".yaml");
      Files.writeString(tmp, Json.YAML.writeValueAsString(contexts));
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConfigProblem(path + ": cannot write: " + e.getMessage());
    }
  }
}
