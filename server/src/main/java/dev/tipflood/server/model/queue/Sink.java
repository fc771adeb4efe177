package dev.tipflood.server.model.queue;

/**
 * Where a stage hands finished work. A sink that refuses an item keeps the upstream server
 * blocked (blocking after service), so back-pressure walks up the pipeline to admission.
 *
 * @param <T> the work item
 */
public interface Sink<T> {

  /** @return false if the item cannot be taken now; the caller keeps it and retries later */
  boolean offer(T item);

  /** Asks to be told once, on the scheduler's thread, when the sink may take work again. */
  void whenSpace(Runnable callback);

  /** A sink that takes everything, for the end of a pipeline. */
  static <T> Sink<T> terminal(java.util.function.Consumer<T> consumer) {
    return new Sink<>() {
      @Override
      public boolean offer(T item) {
        consumer.accept(item);
        return true;
      }

      @Override
      public void whenSpace(Runnable callback) {
        callback.run();
      }
    };
  }
}
