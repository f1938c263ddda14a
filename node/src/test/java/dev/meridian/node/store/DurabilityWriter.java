package dev.meridian.node.store;

import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * DurabilityWriter is the child process {@link RocksDurabilityIT} kills: it opens the store in the
 * data dir given as its argument, writes a Mesh and then MeshTraces over a fixed set of names, and
 * prints {@code ack <type> <mesh> <name> <version> <revision>} for each write only after {@code
 * put} returned. Each line is one {@code write(2)} of fewer than PIPE_BUF bytes, so a kill never
 * leaves half a line.
 */
public final class DurabilityWriter {
  static final int NAMES = 40;
  private static final int MAX_WRITES = 1_000_000;

  private DurabilityWriter() {}

  public static void main(String[] args) throws Exception {
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    try (ResourceStore store =
        new JournaledResourceStore(RocksJournal.open(Path.of(args[0])), Clock.systemUTC())) {
      ack(out, store.put(mesh(), ResourceStore.ANY));
      for (int i = 0; i < MAX_WRITES; i++) {
        ack(out, store.put(trace("t" + (i % NAMES)), ResourceStore.ANY));
      }
    }
    out.write("done\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static void ack(FileOutputStream out, StoredResource stored) throws IOException {
    Resource r = stored.resource();
    String line =
        "ack "
            + r.type().name()
            + " "
            + (r.mesh().isEmpty() ? "-" : r.mesh())
            + " "
            + r.name()
            + " "
            + stored.version()
            + " "
            + stored.revision()
            + "\n";
    out.write(line.getBytes(StandardCharsets.US_ASCII));
  }

  static Resource mesh() {
    return read("type: Mesh\nname: default\n");
  }

  static Resource trace(String name) {
    return read(
        "type: MeshTrace\nmesh: default\nname: "
            + name
            + "\nspec:\n  default:\n    backends: [{zipkin: {url: 'http://z:9411/api/v2/spans'}}]\n");
  }

  private static Resource read(String yaml) {
    return ResourceReader.read(yaml).get(0).resource();
  }
}
