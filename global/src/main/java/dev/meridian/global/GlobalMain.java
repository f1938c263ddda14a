package dev.meridian.global;

import dev.meridian.common.config.ConfigException;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.global.config.GlobalConfig;
import java.nio.file.Path;

/**
 * GlobalMain runs a global node: {@code meridian-global [--config FILE]}. A wrong setting stops it
 * with exit code 2 and one line per problem; SIGTERM and Ctrl-C stop it gracefully.
 */
public final class GlobalMain {
  static final String USAGE =
      "usage: meridian-global [--config FILE]\n"
          + "  settings: see global/README.md (environment variables win over the file)";

  private GlobalMain() {}

  public static void main(String[] args) {
    GlobalConfig config;
    try {
      config = GlobalConfig.load(configFile(args), System.getenv());
    } catch (UsageException e) {
      System.err.println("meridian-global: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    } catch (ConfigException e) {
      System.err.println("meridian-global: cannot start, fix these settings:");
      e.problems().forEach(p -> System.err.println("  " + p));
      System.exit(2);
      return;
    }
    ResourceStore store = StoreFactory.open(config.dataDir());
    GlobalNode node = new GlobalNode(config, store);
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "meridian-global-shutdown"));
    try {
      node.start();
    } catch (RuntimeException e) {
      System.err.println("meridian-global: cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The {@code --config} file, or null; anything else on the command line is a usage error. */
  static Path configFile(String[] args) throws UsageException {
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(USAGE);
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
