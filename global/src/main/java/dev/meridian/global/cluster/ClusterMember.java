package dev.meridian.global.cluster;

import dev.meridian.global.cluster.Messages.SyncReply;
import dev.meridian.global.cluster.Messages.SyncRequest;
import dev.meridian.global.cluster.Messages.WriteReply;
import dev.meridian.global.cluster.Messages.WriteRequest;
import dev.meridian.global.cluster.Messages.WriterCommand;
import dev.meridian.global.config.ClusterSettings;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * ClusterMember is one life of this replica in the cluster: an actor system that joined the seeds,
 * the ring, the log transfer, the writer singleton (and its proxy), the committed-revision
 * subscription and the zone directory. A replica the cluster downs gets a new one (see {@link
 * ReplicatedResourceStore}).
 */
final class ClusterMember {
  /** How long a write waits for the writer; covers a writer moving to another replica. */
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

  /** How long one ring operation waits for a majority. */
  static final Duration RING_TIMEOUT = Duration.ofSeconds(3);

  private final ClusterSettings settings;
  private final ActorSystem<Void> system;
  private final Cluster cluster;
  private final ActorRef<WriterCommand> writer;

  ClusterMember(
      ClusterSettings settings,
      String bindAddress,
      Path dataDir,
      List<String> seeds,
      Replica replica,
      SharedZones zones,
      int ringSlots,
      Timer replication) {
    this.settings = settings;
    this.system =
        ActorSystem.create(
            Behaviors.empty(),
            PekkoConfig.SYSTEM,
            PekkoConfig.of(settings, bindAddress, dataDir, seeds));
    org.apache.pekko.actor.ActorSystem classic = Adapter.toClassic(system);
    this.cluster = Cluster.get(classic);
    Ring ring = new Ring(classic, RING_TIMEOUT, settings.majority(), ringSlots);
    LogTransfer transfer = new LogTransfer(classic, replica.store(), RING_TIMEOUT);
    replica.attach(ring, transfer, this::quorumProblem, replication);
    ring.onCommitted(classic, replica::committed);
    zones.attach(classic);
    this.writer =
        ClusterSingleton.get(system).init(SingletonActor.of(Writer.create(replica), "writer"));
  }

  /** Null when a majority of the replicas is up and reachable from here, else why not. */
  String quorumProblem() {
    long reachable =
        members()
            .filter(m -> m.status() == MemberStatus.up())
            .filter(m -> !cluster.state().getUnreachable().contains(m))
            .count();
    if (reachable >= settings.majority()) {
      return null;
    }
    return "only "
        + reachable
        + " of "
        + settings.size()
        + " replicas are up and reachable from this one; writes need a majority ("
        + settings.majority()
        + "). Reads still work.";
  }

  /** Asks the writer to commit a write, wherever it runs. */
  WriteReply write(Function<ActorRef<WriteReply>, WriteRequest> request) {
    try {
      return ask(request::apply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WriteReply.unavailable("interrupted");
    } catch (Exception e) {
      return WriteReply.unavailable(
          noWriter() + "; the write may still be applied, so read before retrying");
    }
  }

  /** The writer's revision: every write acknowledged so far is at or below it. */
  SyncReply sync() {
    try {
      return ask(SyncRequest::new);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SyncReply(-1, "interrupted");
    } catch (Exception e) {
      return new SyncReply(-1, noWriter());
    }
  }

  private <R> R ask(Function<ActorRef<R>, WriterCommand> request) throws Exception {
    return AskPattern.<WriterCommand, R>ask(
            writer, request::apply, WRITE_TIMEOUT, system.scheduler())
        .toCompletableFuture()
        .get(WRITE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  private static String noWriter() {
    return "no writer answered within "
        + WRITE_TIMEOUT.toSeconds()
        + " s (a replica may have just failed; the writer moves to another one once the cluster"
        + " downs it)";
  }

  private Stream<Member> members() {
    return StreamSupport.stream(cluster.state().getMembers().spliterator(), false);
  }

  long count(MemberStatus status) {
    return members().filter(m -> m.status() == status).count();
  }

  int unreachable() {
    return cluster.state().getUnreachable().size();
  }

  CompletionStage<Done> whenTerminated() {
    return system.getWhenTerminated();
  }

  /** Leaves the cluster gracefully (the writer hands over) and stops, waiting a bounded time. */
  void leave() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // stopping anyway; the JVM exits after the node closes
    }
  }
}
