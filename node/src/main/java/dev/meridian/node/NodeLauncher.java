package dev.meridian.node;

import dev.meridian.common.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * NodeLauncher is the {@code main} of a node ({@code meridian-global}, {@code meridian-zone}): it
 * reads {@code [--config FILE]}, loads the settings, opens the node, registers a shutdown hook for
 * a graceful stop and starts it. A usage error or a wrong setting exits with 2 and one line per
 * problem; a node that cannot open or start exits with 1 and says why.
 */
public final class NodeLauncher {
  /** Loads a node's settings from the optional file and the environment. */
  @FunctionalInterface
  public interface Settings<C> {
    C load(Path file, Map<String, String> env) throws ConfigException;
  }

  /** Opens a node over its settings (its store included); it starts on {@link Node#start()}. */
  @FunctionalInterface
  public interface Opener<C> {
    Node open(C config);
  }

  /** Node is what a launcher starts and, on SIGTERM, closes. */
  public interface Node extends AutoCloseable {
    void start();

    @Override
    void close();
  }

  private NodeLauncher() {}

  public static <C> void run(
      String name, String usage, String[] args, Settings<C> settings, Opener<C> opener) {
    C config;
    try {
      config = settings.load(configFile(args, usage), System.getenv());
    } catch (UsageException e) {
      System.err.println(name + ": " + e.getMessage() + "\n" + usage);
      System.exit(2);
      return;
    } catch (ConfigException e) {
      System.err.println(name + ": cannot start, fix these settings:");
      e.problems().forEach(p -> System.err.println("  " + p));
      System.exit(2);
      return;
    }
    Node node;
    try {
      node = opener.open(config);
    } catch (RuntimeException e) {
      System.err.println(name + ": cannot open its store: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, name + "-shutdown"));
    try {
      node.start();
    } catch (RuntimeException e) {
      System.err.println(name + ": cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The {@code --config} file, or null; anything else on the command line is a usage error. */
  static Path configFile(String[] args, String usage) throws UsageException {
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage);
        System.exit(0);
      } else if (arg.equals("--config") && i + 1 < args.length) {
        file = Path.of(args[++i]);
      } else if (arg.startsWith("--config=")) {
        file = Path.of(arg.substring("--config=".length()));
      } else if (arg.equals("--config")) {
        throw new UsageException("--config needs a file");
      } else {
        throw new UsageException("unknown argument \"" + arg + "\"");
      }
    }
    return file;
  }

  /** UsageException is a command line that cannot be run. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
