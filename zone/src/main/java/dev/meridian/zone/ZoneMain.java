package dev.meridian.zone;

import dev.meridian.common.config.ConfigException;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.zone.config.ZoneConfig;
import java.nio.file.Path;

/**
 * ZoneMain runs a zone node: {@code meridian-zone [--config FILE]}. A wrong setting stops it with
 * exit code 2 and one line per problem; SIGTERM and Ctrl-C stop it gracefully.
 */
public final class ZoneMain {
  static final String USAGE =
      "usage: meridian-zone [--config FILE]\n"
          + "  settings: see zone/README.md (environment variables win over the file;"
          + " MERIDIAN_ZONE_NAME is required)";

  private ZoneMain() {}

  public static void main(String[] args) {
    ZoneConfig config;
    try {
      config = ZoneConfig.load(configFile(args), System.getenv());
    } catch (UsageException e) {
      System.err.println("meridian-zone: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    } catch (ConfigException e) {
      System.err.println("meridian-zone: cannot start, fix these settings:");
      e.problems().forEach(p -> System.err.println("  " + p));
      System.exit(2);
      return;
    }
    ZoneNode node;
    try {
      ResourceStore store = ZoneStores.open(config.dataDir());
      node = new ZoneNode(config, store);
    } catch (RuntimeException e) {
      System.err.println("meridian-zone: cannot open the local copy: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "meridian-zone-shutdown"));
    try {
      node.start();
    } catch (RuntimeException e) {
      System.err.println("meridian-zone: cannot start: " + e.getMessage());
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
