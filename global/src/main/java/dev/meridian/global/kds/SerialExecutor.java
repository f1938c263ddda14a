package dev.meridian.global.kds;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SerialExecutor runs its tasks one at a time, in submission order, on a shared pool: each KDS
 * stream owns one, and all of that stream's state is touched only by its tasks. Unlike gRPC's
 * {@code SynchronizationContext} it never runs a task on the submitting thread, so the store's
 * writer thread, which submits drains, never runs a stream's code.
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final Object lock = new Object();

  // @GuardedBy("lock")
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  // @GuardedBy("lock")
  private boolean running;

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (lock) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    try {
      pool.execute(this::runAll);
    } catch (RuntimeException e) {
      synchronized (lock) {
        running = false;
        tasks.clear();
      }
      throw e;
    }
  }

  private void runAll() {
    while (true) {
      Runnable task;
      synchronized (lock) {
        task = tasks.poll();
        if (task == null) {
          running = false;
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        // One failing task must not stop the stream's later tasks (e.g. its cleanup).
        LOG.error("KDS stream task failed", e);
      }
    }
  }
}
