package dev.meridian.global.cluster;

import dev.meridian.global.cluster.Messages.SyncRequest;
import dev.meridian.global.cluster.Messages.WriteRequest;
import dev.meridian.global.cluster.Messages.WriterCommand;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Writer is the cluster singleton that orders every write: it runs on one replica at a time (the
 * oldest) and hands each request to that replica's {@link Replica}, which owns the local store.
 */
final class Writer {
  private Writer() {}

  static Behavior<WriterCommand> create(Replica replica) {
    return Behaviors.setup(
        context -> {
          replica.startWriting();
          return Behaviors.receive(WriterCommand.class)
              .onMessage(
                  WriteRequest.class,
                  request -> {
                    replica.write(request);
                    return Behaviors.same();
                  })
              .onMessage(
                  SyncRequest.class,
                  request -> {
                    replica.sync(request);
                    return Behaviors.same();
                  })
              .onSignal(
                  PostStop.class,
                  stop -> {
                    replica.stopWriting();
                    return Behaviors.same();
                  })
              .build();
        });
  }
}
