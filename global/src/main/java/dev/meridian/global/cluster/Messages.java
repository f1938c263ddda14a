package dev.meridian.global.cluster;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages replicas send each other, serialized with Jackson CBOR (bound to {@link
 * ClusterMessage} in the cluster config). Resources and changes travel as bytes of the codecs the
 * stores use, so the wire never holds a second form of a resource.
 */
final class Messages {
  private Messages() {}

  /** ClusterMessage marks what crosses the network. */
  interface ClusterMessage {}

  /** What the writer singleton takes. */
  interface WriterCommand extends ClusterMessage {}

  /** Asks the writer for the revision every write before it committed up to. */
  record SyncRequest(ActorRef<SyncReply> replyTo) implements WriterCommand {}

  /** The writer's revision, or (revision -1) why it cannot say. */
  record SyncReply(long revision, String problem) implements ClusterMessage {}

  /** One write: a put carries the resource as Universal JSON, a delete its key. */
  record Op(
      boolean delete,
      byte[] resource,
      String type,
      String mesh,
      String name,
      String zone,
      long expectedVersion) {
    /** What the op weighs in a batch: its resource's encoding, or a little for a delete. */
    int bytes() {
      return resource == null ? 64 : resource.length;
    }
  }

  /**
   * Writes for the writer, committed together in order: one for an API write, several (each with
   * any version, so none can conflict) for a zone's upload.
   */
  record WriteRequest(List<Op> ops, ActorRef<WriteReply> replyTo) implements WriterCommand {
    int bytes() {
      return ops.stream().mapToInt(Op::bytes).sum();
    }
  }

  /** What became of a write. */
  enum Outcome {
    /**
     * Committed on a majority: its own changes are the {@code count} revisions from {@code first}
     * (none when it changed nothing); {@code batch} is the group's batch holding them, or null when
     * the group took several batches (then they are read from the ring).
     */
    COMMITTED,
    /** Nothing written: the stored version is {@code actualVersion}. */
    CONFLICT,
    /** Not written, or its outcome is unknown: {@code problem} says which and why. */
    UNAVAILABLE
  }

  record WriteReply(
      Outcome outcome, byte[] batch, long first, int count, long actualVersion, String problem)
      implements ClusterMessage {
    static WriteReply committed(byte[] batch, long first, int count) {
      return new WriteReply(Outcome.COMMITTED, batch, first, count, 0, null);
    }

    static WriteReply conflict(long actualVersion) {
      return new WriteReply(Outcome.CONFLICT, null, 0, 0, actualVersion, null);
    }

    static WriteReply unavailable(String problem) {
      return new WriteReply(Outcome.UNAVAILABLE, null, 0, 0, 0, problem);
    }
  }
}
