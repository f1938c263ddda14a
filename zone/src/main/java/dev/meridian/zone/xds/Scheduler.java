package dev.meridian.zone.xds;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Scheduler runs a task after a delay; injected so that tests move time instead of sleeping. */
interface Scheduler {
  Cancellable schedule(Duration delay, Runnable task);

  /** Cancellable stops a scheduled task that has not run yet. */
  interface Cancellable {
    void cancel();
  }

  static Scheduler of(ScheduledExecutorService executor) {
    return (delay, task) -> {
      ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}
