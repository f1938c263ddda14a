package dev.meridian.global.cluster;

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

  /** A write for the writer: a put carries the resource as Universal JSON, a delete its key. */
  record WriteRequest(
      boolean delete,
      byte[] resource,
      String type,
      String mesh,
      String name,
      String zone,
      long expectedVersion,
      ActorRef<WriteReply> replyTo)
      implements WriterCommand {}

  /** What became of a write. */
  enum Outcome {
    /** Committed on a majority; {@code batch} holds the changes (none for a no-op delete). */
    COMMITTED,
    /** Nothing written: the stored version is {@code actualVersion}. */
    CONFLICT,
    /** Not written, or its outcome is unknown: {@code problem} says which and why. */
    UNAVAILABLE
  }

  record WriteReply(Outcome outcome, byte[] batch, long actualVersion, String problem)
      implements ClusterMessage {
    static WriteReply committed(byte[] batch) {
      return new WriteReply(Outcome.COMMITTED, batch, 0, null);
    }

    static WriteReply conflict(long actualVersion) {
      return new WriteReply(Outcome.CONFLICT, null, actualVersion, null);
    }

    static WriteReply unavailable(String problem) {
      return new WriteReply(Outcome.UNAVAILABLE, null, 0, problem);
    }
  }
}
