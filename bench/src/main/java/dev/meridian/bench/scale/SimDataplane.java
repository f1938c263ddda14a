package dev.meridian.bench.scale;

/** SimDataplane is one simulated proxy: its zone and the Dataplane it registers with (YAML). */
record SimDataplane(String zone, String mesh, String name, String yaml) {
  String nodeId() {
    return mesh + "." + name;
  }
}
