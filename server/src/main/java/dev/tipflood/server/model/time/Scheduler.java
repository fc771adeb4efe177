package dev.tipflood.server.model.time;

/**
 * The model's only source of time: a monotonic clock and a way to run a task later.
 *
 * <p>Model code is confined to the scheduler's thread unless a class says otherwise: every task
 * it schedules runs on that thread, and callers from other threads hand work over with {@link
 * #execute(Runnable)}.
 *
 * <pre>{@code
 * VirtualScheduler clock = new VirtualScheduler();
 * clock.schedule(1_000_000, () -> System.out.println("1 ms later, in virtual time"));
 * clock.advanceBy(Duration.ofMillis(1));
 * }</pre>
 */
public interface Scheduler {

  /** Monotonic time in nanoseconds; only differences between two readings mean anything. */
  long nanoTime();

  /**
   * Runs {@code task} once, {@code delayNanos} from now (0 or less: as soon as possible).
   *
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(long delayNanos, Runnable task);

  /** Runs {@code task} on the scheduler's thread as soon as possible. */
  default void execute(Runnable task) {
    schedule(0, task);
  }

  /** A scheduled task that may still be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** @return true if the task had not run yet and now never will */
    boolean cancel();
  }
}
