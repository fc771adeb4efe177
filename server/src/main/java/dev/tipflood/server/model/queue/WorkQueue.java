package dev.tipflood.server.model.queue;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A waiting line with a discipline and a bound. Not thread-safe: owned by one stage.
 *
 * @param <T> the work item
 */
final class WorkQueue<T> {

  private final QueueSpec spec;
  private final PriorityQueue<Waiting<T>> items;
  private long seq;

  WorkQueue(QueueSpec spec) {
    this.spec = spec;
    Comparator<Waiting<T>> fifo = Comparator.comparingLong(w -> w.seq);
    Comparator<Waiting<T>> order =
        spec.discipline() == QueueDiscipline.PRIORITY
            ? Comparator.<Waiting<T>>comparingInt(w -> -w.priority).thenComparing(fifo)
            : fifo;
    this.items = new PriorityQueue<>(order);
  }

  /** @return false, without queueing, when the bound is reached */
  boolean offer(T item, int priority, long arrivedAt) {
    if (items.size() >= spec.bound()) {
      return false;
    }
    add(item, priority, arrivedAt);
    return true;
  }

  /** Queues the item even past the bound: for work the system has already accepted. */
  void add(T item, int priority, long arrivedAt) {
    items.add(new Waiting<>(item, priority, arrivedAt, seq++));
  }

  Waiting<T> poll() {
    return items.poll();
  }

  int size() {
    return items.size();
  }

  /**
   * Removes and returns the waiting item served last (the lowest priority, the latest among
   * equals) if its priority is below {@code belowPriority}; null otherwise.
   */
  Waiting<T> removeLast(int belowPriority) {
    Waiting<T> last = null;
    for (Waiting<T> w : items) {
      if (last == null || items.comparator().compare(w, last) > 0) {
        last = w;
      }
    }
    if (last == null || last.priority() >= belowPriority) {
      return null;
    }
    items.remove(last);
    return last;
  }

  /** Removes, and returns in queue order, every waiting item that {@code expired} selects. */
  java.util.List<Waiting<T>> removeIf(java.util.function.Predicate<Waiting<T>> expired) {
    java.util.List<Waiting<T>> out = new java.util.ArrayList<>();
    items.removeIf(w -> expired.test(w) && out.add(w));
    out.sort(items.comparator());
    return out;
  }

  /** One queued item, with what the stage needs to account for it. */
  record Waiting<T>(T item, int priority, long arrivedAt, long seq) {}
}
