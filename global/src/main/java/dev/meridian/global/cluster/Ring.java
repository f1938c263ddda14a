package dev.meridian.global.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.ddata.DistributedData;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWRegister;
import org.apache.pekko.cluster.ddata.LWWRegisterKey;
import org.apache.pekko.cluster.ddata.Replicator;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.pattern.Patterns;
import scala.jdk.javaapi.DurationConverters;

/**
 * Ring is the replicated part of the change log in Distributed Data, all keys durable: {@value
 * #SLOTS} slots, each an {@link LWWRegister} holding the latest {@link Batch} whose first revision
 * falls in it (ordered by {@link Batch#stamp}, never by wall clocks), the writer {@code epoch} and
 * the {@code committed} revision the writer announces. Every call blocks its caller up to the
 * timeout; they run on a replica's own thread, never on an actor's.
 */
final class Ring {
  /** Slots: how far a replica may lag and still catch up from the ring (see the ADR). */
  static final int SLOTS = 1024;

  private static final LWWRegister.Clock<byte[]> BATCH_CLOCK =
      (current, value) -> Batch.stamp(value);
  private static final LWWRegister.Clock<Long> MAX_CLOCK = (current, value) -> value;
  private static final Key<LWWRegister<Long>> EPOCH = LWWRegisterKey.create("epoch");
  private static final Key<LWWRegister<Long>> COMMITTED = LWWRegisterKey.create("committed");

  private final ActorRef replicator;
  private final SelfUniqueAddress self;
  private final Duration timeout;
  private final int majority;
  private final int slots;

  /**
   * @param slots how many slots (every replica of a cluster must use the same number: {@link
   *     #SLOTS}, fewer only in tests)
   */
  Ring(ActorSystem system, Duration timeout, int majority, int slots) {
    DistributedData ddata = DistributedData.get(system);
    this.replicator = ddata.replicator();
    this.self = ddata.selfUniqueAddress();
    this.timeout = timeout;
    this.majority = majority;
    this.slots = slots;
  }

  /** Reads the epoch from a majority and raises it by one there: the new writer's epoch. */
  long nextEpoch() {
    long epoch = read(EPOCH).map(LWWRegister::getValue).orElse(0L) + 1;
    write(EPOCH, LWWRegister.create(self, 0L, MAX_CLOCK), r -> r.withValue(self, epoch, MAX_CLOCK));
    return epoch;
  }

  /** Writes the batch into its slot on a majority, each on disk, or throws. */
  void commit(Batch batch) {
    byte[] encoded = batch.encode();
    write(
        slot(batch.first()),
        LWWRegister.create(self, new byte[0], BATCH_CLOCK),
        r -> r.withValue(self, encoded, BATCH_CLOCK));
  }

  /** The batch in the slot of {@code revision}, as a majority holds it (it may be another one). */
  Optional<Batch> read(long revision) {
    return read(slot(revision))
        .map(LWWRegister::getValue)
        .filter(bytes -> bytes.length > 0)
        .map(Batch::decode);
  }

  /**
   * Tells every reachable replica, without waiting, that revisions up to {@code revision} are
   * committed.
   */
  void announce(long revision) {
    Patterns.ask(
        replicator,
        new Replicator.Update<>(
            COMMITTED,
            LWWRegister.create(self, 0L, MAX_CLOCK),
            new Replicator.WriteAll(timeout),
            r -> r.withValue(self, Math.max(r.getValue(), revision), MAX_CLOCK)),
        timeout.plusSeconds(1));
  }

  /** Calls {@code listener} with the committed revision now and whenever it rises. */
  void onCommitted(ActorSystem system, LongConsumer listener) {
    ActorRef subscriber =
        ((ExtendedActorSystem) system)
            .systemActorOf(
                Props.create(Subscriber.class, () -> new Subscriber(listener)), "committed");
    replicator.tell(new Replicator.Subscribe<>(COMMITTED, subscriber), ActorRef.noSender());
  }

  private Key<LWWRegister<byte[]>> slot(long revision) {
    return LWWRegisterKey.create("slot-" + Math.floorMod(revision, slots));
  }

  private <T> void write(
      Key<LWWRegister<T>> key,
      LWWRegister<T> initial,
      Function<LWWRegister<T>, LWWRegister<T>> modify) {
    Object reply =
        ask(
            new Replicator.Update<>(
                key,
                initial,
                new Replicator.WriteMajority(DurationConverters.toScala(timeout), majority),
                modify));
    if (!(reply instanceof Replicator.UpdateSuccess)) {
      throw new RingException(
          key.id() + ": not confirmed by a majority of replicas (" + reply + ")");
    }
  }

  private <T> Optional<LWWRegister<T>> read(Key<LWWRegister<T>> key) {
    Object reply =
        ask(
            new Replicator.Get<>(
                key, new Replicator.ReadMajority(DurationConverters.toScala(timeout), majority)));
    if (reply instanceof Replicator.GetSuccess<?> success) {
      @SuppressWarnings("unchecked") // the reply to a Get of this key
      LWWRegister<T> value = (LWWRegister<T>) success.dataValue();
      return Optional.of(value);
    }
    if (reply instanceof Replicator.NotFound<?>) {
      return Optional.empty();
    }
    throw new RingException(key.id() + ": not read from a majority of replicas (" + reply + ")");
  }

  private Object ask(Object message) {
    try {
      return Patterns.ask(replicator, message, timeout.plusSeconds(1))
          .toCompletableFuture()
          .get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RingException("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      throw new RingException("the replicator did not answer: " + e);
    }
  }

  /** RingException is a ring operation that did not reach a majority in time. */
  static final class RingException extends RuntimeException {
    RingException(String message) {
      super(message);
    }
  }

  /** Subscriber hands each new committed revision to the listener. */
  private static final class Subscriber extends AbstractActor {
    private final LongConsumer listener;

    Subscriber(LongConsumer listener) {
      this.listener = listener;
    }

    @Override
    public Receive createReceive() {
      return receiveBuilder()
          .match(
              Replicator.Changed.class,
              c -> listener.accept((Long) ((LWWRegister<?>) c.dataValue()).getValue()))
          .build();
    }
  }
}
