package dev.tipflood.server.model.queue;

import java.util.Objects;

/**
 * How a stage queues work it cannot start at once.
 *
 * @param discipline the order of service
 * @param bound the most items that may wait; {@link #UNBOUNDED} for no limit
 */
public record QueueSpec(QueueDiscipline discipline, int bound) {

  /** The bound of a queue that never refuses work (the 2020 design). */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public QueueSpec {
    Objects.requireNonNull(discipline, "queue.discipline must be fifo or priority");
    if (bound < 1) {
      throw new IllegalArgumentException(
          "queue.bound must be a whole number >= 1 or 'unbounded', was " + bound);
    }
  }

  public static QueueSpec unbounded(QueueDiscipline discipline) {
    return new QueueSpec(discipline, UNBOUNDED);
  }

  public static QueueSpec bounded(QueueDiscipline discipline, int bound) {
    return new QueueSpec(discipline, bound);
  }

  public boolean isBounded() {
    return bound != UNBOUNDED;
  }
}
