package dev.meridian.global;

import dev.meridian.global.config.GlobalConfig;
import dev.meridian.node.NodeLauncher;

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
    NodeLauncher.run("meridian-global", USAGE, args, GlobalConfig::load, StoreFactory::open);
  }
}
