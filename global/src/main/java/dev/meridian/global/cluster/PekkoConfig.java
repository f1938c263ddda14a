package dev.meridian.global.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.meridian.global.config.ClusterSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * PekkoConfig turns the global's cluster settings into Pekko's: Artery TCP on the cluster port, the
 * seed replicas, keep-majority split brain resolution, Distributed Data with the ring's keys
 * durable in {@code <dataDir>/ring} (the zone directory is kept in memory), and Jackson CBOR for
 * {@link Messages.ClusterMessage}.
 */
final class PekkoConfig {
  static final String SYSTEM = "meridian";

  private PekkoConfig() {}

  /**
   * @param seeds the seed replicas to join: all of them on the first start, the others after this
   *     replica was downed (so that it rejoins its cluster instead of founding a new one)
   */
  static Config of(ClusterSettings cluster, String bindAddress, Path dataDir, List<String> seeds) {
    List<String> seedNodes = seeds.stream().map(s -> "pekko://" + SYSTEM + "@" + s).toList();
    return ConfigFactory.parseString(
            """
            pekko {
              loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
              logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
              log-dead-letters-during-shutdown = off
              extensions = ["org.apache.pekko.cluster.ddata.DistributedData"]
              actor.provider = cluster
              actor.serialization-bindings {
                "dev.meridian.global.cluster.Messages$ClusterMessage" = jackson-cbor
              }
              remote.artery.transport = tcp
              cluster {
                downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
                split-brain-resolver.active-strategy = keep-majority
                jmx.multi-mbeans-in-same-jvm = on
                seed-node-timeout = 10s
                retry-unsuccessful-join-after = 2s
                distributed-data {
                  durable.keys = ["epoch", "committed", "slot-*"]
                  durable.store-actor-class = "dev.meridian.global.cluster.RocksDurableStore"
                  notify-subscribers-interval = 20ms
                  gossip-interval = 500ms
                }
              }
              # The node's own shutdown hook stops the API and KDS first, then leaves the cluster.
              coordinated-shutdown.exit-jvm = off
              coordinated-shutdown.run-by-jvm-shutdown-hook = off
            }
            """)
        .withValue(
            "pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(cluster.host()))
        .withValue("pekko.remote.artery.bind.hostname", ConfigValueFactory.fromAnyRef(bindAddress))
        .withValue(
            "pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(cluster.port()))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedNodes))
        .withValue(
            "pekko.cluster.split-brain-resolver.stable-after",
            ConfigValueFactory.fromAnyRef(cluster.stableAfter().toMillis() + "ms"))
        .withValue(
            "pekko.cluster.distributed-data.durable.meridian-dir",
            ConfigValueFactory.fromAnyRef(dataDir.resolve("ring").toAbsolutePath().toString()))
        .withFallback(ConfigFactory.load());
  }
}
