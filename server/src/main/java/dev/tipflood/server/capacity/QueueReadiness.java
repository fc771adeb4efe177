package dev.tipflood.server.capacity;

import dev.tipflood.server.health.CheckResult;
import dev.tipflood.server.health.HealthMonitor;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.queue.StageStats;
import java.util.function.Supplier;

/**
 * A bounded queue that is full makes the server not ready: it would refuse (processing) or stall
 * (review) the next tip. A review queue that sheds when full (a {@code review.lowScore} policy:
 * the tip that would be served last gives way) stalls nothing, so being full is its normal state
 * under a flood and does not fail the check; its depth is still shown. The model is
 * single-threaded on its context, so the depths are read there, every probe interval, and
 * published for the admin loop; an unbounded queue never fails the check.
 */
final class QueueReadiness {

  private volatile StageStats processing;
  private volatile StageStats review;

  private QueueReadiness() {}

  static void watch(VertxScheduler scheduler, HealthMonitor health, long periodMillis, Supplier<StageStats> processing,
      Supplier<StageStats> review, boolean reviewSheds) {
    QueueReadiness q = new QueueReadiness();
    q.processing = processing.get();
    q.review = review.get();
    scheduler.every(periodMillis, () -> {
      q.processing = processing.get();
      q.review = review.get();
    });
    health.addReadiness(() -> check("processingQueue", q.processing, false));
    health.addReadiness(() -> check("reviewQueue", q.review, reviewSheds));
  }

  static CheckResult check(String name, StageStats stage, boolean sheds) {
    double bound = stage.queueBound() == QueueSpec.UNBOUNDED || sheds ? Double.POSITIVE_INFINITY : stage.queueBound();
    return CheckResult.below(name, stage.queued(), bound, "tips");
  }
}
