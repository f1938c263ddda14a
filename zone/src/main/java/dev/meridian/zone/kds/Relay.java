package dev.meridian.zone.kds;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;

/**
 * Relay receives one stream's messages on gRPC's threads and hands each, with the end of the
 * stream, to the client's executor as a task tagged with the stream's generation, so that the
 * client can drop what an older stream still delivers.
 */
final class Relay<T> implements StreamObserver<T> {
  /** Sink is the client side: called on the client's executor. */
  interface Sink<T> {
    void message(long generation, T message);

    void ended(long generation, Status status);
  }

  private final long generation;
  private final Consumer<Runnable> executor;
  private final Sink<T> sink;

  Relay(long generation, Consumer<Runnable> executor, Sink<T> sink) {
    this.generation = generation;
    this.executor = executor;
    this.sink = sink;
  }

  @Override
  public void onNext(T message) {
    executor.accept(() -> sink.message(generation, message));
  }

  @Override
  public void onError(Throwable t) {
    executor.accept(() -> sink.ended(generation, Status.fromThrowable(t)));
  }

  @Override
  public void onCompleted() {
    executor.accept(
        () -> sink.ended(generation, Status.OK.withDescription("closed by the global")));
  }
}
