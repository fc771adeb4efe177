package dev.tipflood.server.model.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A discrete-event scheduler in virtual time: tasks run only when the owner advances the clock.
 * Unit tests use it as a manual clock; a virtual-time simulation uses it to replay hours of load
 * in seconds. Not thread-safe: one thread owns it.
 */
public final class VirtualScheduler implements Scheduler {

  private final PriorityQueue<Event> events =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    Event event = new Event(now + Math.max(0, delayNanos), seq++, task);
    events.add(event);
    return () -> !event.done && events.remove(event);
  }

  /** Runs every task due up to {@code now + delta}, in time order, then sets the clock there. */
  public void advanceBy(Duration delta) {
    advanceTo(now + delta.toNanos());
  }

  /** Runs every task due up to {@code target}, in time order, then sets the clock there. */
  public void advanceTo(long target) {
    if (target < now) {
      throw new IllegalArgumentException("target " + target + " is before now " + now);
    }
    while (!events.isEmpty() && events.peek().at <= target) {
      Event event = events.poll();
      now = event.at;
      event.done = true;
      event.task.run();
    }
    now = target;
  }

  /**
   * Runs tasks in time order until none is left, at most {@code maxEvents} of them.
   *
   * @throws IllegalStateException if tasks are still pending after {@code maxEvents}
   */
  public void runUntilIdle(long maxEvents) {
    for (long i = 0; i < maxEvents && !events.isEmpty(); i++) {
      Event event = events.poll();
      now = event.at;
      event.done = true;
      event.task.run();
    }
    if (!events.isEmpty()) {
      throw new IllegalStateException(events.size() + " tasks still pending after " + maxEvents);
    }
  }

  /** Number of tasks waiting to run. */
  public int pending() {
    return events.size();
  }

  private static final class Event {
    final long at;
    final long seq;
    final Runnable task;
    boolean done;

    Event(long at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }
  }
}
