package dev.tipflood.server.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.health.CheckResult;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.queue.StageStats;
import org.junit.jupiter.api.Test;

/** Which full queues make the server not ready. */
class QueueReadinessTest {
  private static StageStats stage(String name, int bound, int queued) {
    return new StageStats(name, 4, bound, queued, 4, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void aFullProcessingQueueOrABlockingReviewQueueFailsReadiness() {
    assertThat(QueueReadiness.check("processingQueue", stage("processing", 500, 499), false).up()).isTrue();
    assertThat(QueueReadiness.check("processingQueue", stage("processing", 500, 500), false).up()).isFalse();
    assertThat(QueueReadiness.check("processingQueue", stage("processing", 500, 700), false).up())
        .as("past its bound: tips admitted while it filled").isFalse();
    assertThat(QueueReadiness.check("reviewQueue", stage("review", 2000, 2000), false).up()).isFalse();
  }

  @Test
  void aFullReviewQueueThatShedsStallsNothingAndIsReadyItsDepthStillShown() {
    CheckResult full = QueueReadiness.check("reviewQueue", stage("review", 2000, 2000), true);
    assertThat(full.up()).isTrue();
    assertThat(full.value()).isEqualTo(2000);
  }

  @Test
  void anUnboundedQueueNeverFails() {
    assertThat(QueueReadiness.check("reviewQueue", stage("review", QueueSpec.UNBOUNDED, 1_000_000), false).up())
        .isTrue();
  }
}
