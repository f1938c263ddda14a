package dev.meridian.global.cluster;

import dev.meridian.common.store.Change;
import dev.meridian.common.store.JournaledResourceStore;
import dev.meridian.global.cluster.Messages.ClusterMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.pattern.Patterns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LogTransfer lets a replica that fell further behind than the ring reaches (down for long, or new
 * with an empty data dir) catch up from another replica's change log. Every replica serves the
 * changes after a revision from its own store, which holds committed changes only, in batches that
 * fit one Artery frame ({@link Batch#split}); the replica that is behind applies them in order, as
 * it would the ring's.
 */
final class LogTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(LogTransfer.class);

  /** Changes per answer at most, whatever their size. */
  private static final int MAX_CHANGES = 1024;

  /** Asks for the changes after {@code revision}. */
  record LogRequest(long revision) implements ClusterMessage {}

  /** The changes that follow, as an encoded {@link Batch}; empty when the replica has none. */
  record LogReply(byte[] batch) implements ClusterMessage {}

  private final ActorSystem system;
  private final Cluster cluster;
  private final Duration timeout;

  /** Serves {@code local}'s log to the other replicas from now on. */
  LogTransfer(ActorSystem system, JournaledResourceStore local, Duration timeout) {
    this.system = system;
    this.cluster = Cluster.get(system);
    this.timeout = timeout;
    ((ExtendedActorSystem) system)
        .systemActorOf(Props.create(Server.class, () -> new Server(local)), "log");
  }

  /**
   * The changes after {@code revision} from the first other replica, up and reachable, that has
   * any; none when no replica has or answers in time. Blocks up to the timeout per replica asked.
   */
  List<Change> fetch(long revision) {
    CurrentClusterState state = cluster.state();
    for (Member member : state.getMembers()) {
      if (member.status() != MemberStatus.up()
          || state.getUnreachable().contains(member)
          || member.uniqueAddress().equals(cluster.selfUniqueAddress())) {
        continue;
      }
      try {
        Object reply =
            Patterns.ask(
                    system.actorSelection(member.address() + "/system/log"),
                    new LogRequest(revision),
                    timeout)
                .toCompletableFuture()
                .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        if (reply instanceof LogReply log && log.batch().length > 0) {
          return Batch.decode(log.batch()).changes();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      } catch (Exception e) {
        LOG.debug("{} did not send the log after revision {}: {}", member.address(), revision, e);
      }
    }
    return List.of();
  }

  /** Server answers log requests from the local store, on its own actor thread. */
  private static final class Server extends AbstractActor {
    private final JournaledResourceStore local;

    Server(JournaledResourceStore local) {
      this.local = local;
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .match(
              LogRequest.class,
              request -> getSender().tell(new LogReply(encode(request.revision())), getSelf()))
          .build();
    }

    /** The changes after {@code revision} that fit one batch (at least one), or none. */
    private byte[] encode(long revision) {
      List<Change> after = local.changesAfter(revision, MAX_CHANGES);
      return after.isEmpty() ? new byte[0] : Batch.split(0, after).get(0).encode();
    }
  }
}
