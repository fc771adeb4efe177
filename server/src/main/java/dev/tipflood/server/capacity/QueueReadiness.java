package dev.tipflood.server.capacity;

import dev.tipflood.server.health.CheckResult;
import dev.tipflood.server.health.HealthMonitor;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.queue.StageStats;
import java.util.function.Supplier;

/**
 * A bounded queue that is full makes the server not ready: it would refuse (processing) or stall
 * (review) the next tip. The model is single-threaded on its context, so the depths are read
 * there, every probe interval, and published for the admin loop; an unbounded queue never fails
 * the check.
 */
final class QueueReadiness {

  private volatile StageStats processing;
  private volatile StageStats review;

  private QueueReadiness() {}

  static void watch(VertxScheduler scheduler, HealthMonitor health, long periodMillis, Supplier<StageStats> processing,
      Supplier<StageStats> review) {
    QueueReadiness q = new QueueReadiness();
    q.processing = processing.get();
    q.review = review.get();
    scheduler.every(periodMillis, () -> {
      q.processing = processing.get();
      q.review = review.get();
    });
    health.addReadiness(() -> check("processingQueue", q.processing));
    health.addReadiness(() -> check("reviewQueue", q.review));
  }

  static CheckResult check(String name, StageStats stage) {
    double bound = stage.queueBound() == QueueSpec.UNBOUNDED ? Double.POSITIVE_INFINITY : stage.queueBound();
    return CheckResult.below(name, stage.queued(), bound, "tips");
  }
}
