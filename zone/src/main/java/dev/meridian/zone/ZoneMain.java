package dev.meridian.zone;

import dev.meridian.node.NodeLauncher;
import dev.meridian.zone.config.ZoneConfig;

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
    NodeLauncher.run(
        "meridian-zone",
        USAGE,
        args,
        ZoneConfig::load,
        config -> new ZoneNode(config, ZoneStores.open(config.dataDir())));
  }
}
