package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.server.model.queue.QueueDiscipline;
import dev.tipflood.server.model.queue.QueueSpec;
import java.util.Locale;

/**
 * A stage's queue.
 *
 * @param discipline {@code fifo} or {@code priority}
 * @param bound the most tips that may wait, or {@code unlimited}
 */
public record QueueConfig(String discipline, CountCap bound) {
  public QueueConfig {
    discipline = discipline == null ? "fifo" : discipline;
    bound = bound == null ? CountCap.UNLIMITED : bound;
    require(discipline.equals("fifo") || discipline.equals("priority"), "discipline",
        "'" + discipline + "' is not allowed: use fifo or priority");
  }

  public static QueueConfig defaults() {
    return new QueueConfig(null, null);
  }

  public QueueSpec toSpec() {
    QueueDiscipline d = QueueDiscipline.valueOf(discipline.toUpperCase(Locale.ROOT));
    return bound.isUnlimited() ? QueueSpec.unbounded(d) : QueueSpec.bounded(d, bound.value());
  }
}
