package dev.tipflood.server.model.queue;

/**
 * Told what happens to each item in a {@link ServiceStage}, on the scheduler's thread.
 *
 * @param <T> the work item
 */
public interface StageObserver<T> {

  /** The item waits in the queue. */
  default void queued(T item) {}

  /** A server took the item after it waited {@code waitedNanos}. */
  default void started(T item, long waitedNanos) {}

  /** The item left the stage, {@code sojournNanos} after it arrived. */
  default void departed(T item, long sojournNanos) {}

  /** The bounded queue was full: the item was not taken. */
  default void rejected(T item) {}
}
