package dev.meridian.zone.xds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** FakeScheduler runs tasks when the test moves its clock past their due time. */
final class FakeScheduler implements Scheduler {
  private Duration now = Duration.ZERO;
  private final List<Task> tasks = new ArrayList<>();

  private static final class Task {
    final Duration due;
    final Runnable runnable;
    boolean cancelled;

    Task(Duration due, Runnable runnable) {
      this.due = due;
      this.runnable = runnable;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable runnable) {
    Task task = new Task(now.plus(delay), runnable);
    tasks.add(task);
    return () -> {
      synchronized (FakeScheduler.this) {
        task.cancelled = true;
        tasks.remove(task);
      }
    };
  }

  synchronized int pending() {
    return tasks.size();
  }

  void advance(Duration by) {
    List<Task> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(by);
      for (Task t : List.copyOf(tasks)) {
        if (!t.cancelled && t.due.compareTo(now) <= 0) {
          tasks.remove(t);
          due.add(t);
        }
      }
    }
    due.forEach(t -> t.runnable.run());
  }
}
