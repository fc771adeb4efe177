package dev.tipflood.server.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.model.queue.QueueDiscipline;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.review.GroundTruthOracle;
import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The priority review queue with a low-score deadline: high scores first, low scores expire, never silently. */
class ReviewLowScoreTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final Map<String, List<TipProgress>> progress = new HashMap<>();
  private final List<Verdict> verdicts = new ArrayList<>();

  private CapacityPipeline pipeline(ReviewSpec.LowScore lowScore) {
    return pipeline(lowScore, QueueSpec.unbounded(QueueDiscipline.PRIORITY));
  }

  private CapacityPipeline pipeline(ReviewSpec.LowScore lowScore, QueueSpec reviewQueue) {
    ProcessingSpec processing = new ProcessingSpec(4, Map.of(MediaKind.PHOTO, Duration.ofMillis(1)),
        QueueSpec.unbounded(QueueDiscipline.FIFO));
    ReviewSpec review = new ReviewSpec(1, Duration.ofSeconds(60), Duration.ofSeconds(60), 0,
        reviewQueue, 1, lowScore);
    CapacityPipeline p = new CapacityPipeline(clock, processing, review, 1.0, GroundTruthOracle.unknowing(),
        (id, step) -> progress.computeIfAbsent(id, k -> new ArrayList<>()).add(step));
    p.subscribe(verdicts::add);
    return p;
  }

  private PipelineTip tip(String id, int priority) {
    return new PipelineTip(id, List.of(), priority, clock.nanoTime());
  }

  @Test
  void highScoresAreReviewedFirstAndLowScoresExpireAfterTheirDeadline() {
    CapacityPipeline p = pipeline(new ReviewSpec.LowScore(30, Duration.ofSeconds(150)));
    p.submit(tip("busy", 90)); // occupies the one reviewer for a minute
    clock.advanceBy(Duration.ofSeconds(1));
    p.submit(tip("junk-1", 5));
    p.submit(tip("junk-2", 10));
    p.submit(tip("legit", 90));
    clock.advanceBy(Duration.ofSeconds(120));

    assertThat(verdicts).extracting(Verdict::tipId).containsExactly("busy", "legit");
    assertThat(progress.get("junk-1")).doesNotContain(TipProgress.EXPIRED);

    clock.advanceBy(Duration.ofSeconds(62)); // junk-2 is reviewed from 120 s to 180 s; junk-1 expires at 151 s
    assertThat(progress.get("junk-1")).endsWith(TipProgress.EXPIRED);
    assertThat(verdicts).extracting(Verdict::tipId).containsExactly("busy", "legit", "junk-2");
  }

  @Test
  void tipsAtOrAboveTheThresholdWaitAsLongAsItTakes() {
    CapacityPipeline p = pipeline(new ReviewSpec.LowScore(30, Duration.ofMinutes(1)));
    p.submit(tip("busy", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      p.submit(tip("ok-" + i, 30));
    }
    clock.advanceBy(Duration.ofMinutes(7));
    assertThat(progress.values()).noneMatch(steps -> steps.contains(TipProgress.EXPIRED));
    assertThat(verdicts).hasSize(6);
  }

  @Test
  void withoutALowScoreDeadlineNothingExpires() {
    CapacityPipeline p = pipeline(ReviewSpec.LowScore.NEVER);
    p.submit(tip("busy", 90));
    p.submit(tip("junk", -100));
    clock.advanceBy(Duration.ofMinutes(30));
    assertThat(progress.get("junk")).doesNotContain(TipProgress.EXPIRED).endsWith(TipProgress.REVIEWED);
  }

  @Test
  void aFullReviewQueueNeverHoldsUpProcessingForLowScoresAndMakesRoomForHighOnes() {
    CapacityPipeline p = pipeline(new ReviewSpec.LowScore(30, Duration.ofHours(1)),
        QueueSpec.bounded(QueueDiscipline.PRIORITY, 2));
    p.submit(tip("busy", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    p.submit(tip("junk-1", 10));
    p.submit(tip("junk-2", 5));
    clock.advanceBy(Duration.ofSeconds(1)); // the review queue is full: two low scores wait
    p.submit(tip("junk-3", 5));
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(progress.get("junk-3")).as("no room, and it would only wait to expire").endsWith(TipProgress.EXPIRED);

    p.submit(tip("legit", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(progress.get("junk-2")).as("displaced: it would have been served last").endsWith(TipProgress.EXPIRED);
    assertThat(progress.get("legit")).endsWith(TipProgress.QUEUED_FOR_REVIEW);
    assertThat(p.processingStats().inService()).as("no worker is held up").isZero();

    clock.advanceBy(Duration.ofMinutes(3));
    assertThat(verdicts).extracting(Verdict::tipId).containsExactly("busy", "legit", "junk-1");
  }

  @Test
  void aFullReviewQueueOfTipsAboveTheThresholdShedsTheOneServedLastInsteadOfHoldingUpProcessing() {
    CapacityPipeline p = pipeline(new ReviewSpec.LowScore(30, Duration.ofHours(1)),
        QueueSpec.bounded(QueueDiscipline.PRIORITY, 2));
    p.submit(tip("busy", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    p.submit(tip("text-junk-1", 40)); // junk that scored just above the threshold
    p.submit(tip("text-junk-2", 40));
    clock.advanceBy(Duration.ofSeconds(1));
    p.submit(tip("text-junk-3", 40));
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(progress.get("text-junk-3")).as("it ranks with the waiting ones, after them: served last")
        .endsWith(TipProgress.EXPIRED);
    assertThat(p.processingStats().inService()).as("no worker is held up").isZero();

    p.submit(tip("legit", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(progress.get("text-junk-2")).as("displaced: it ranks below and came later").endsWith(TipProgress.EXPIRED);
    assertThat(progress.get("legit")).endsWith(TipProgress.QUEUED_FOR_REVIEW);
    assertThat(p.processingStats().inService()).isZero();

    clock.advanceBy(Duration.ofMinutes(3));
    assertThat(verdicts).extracting(Verdict::tipId).containsExactly("busy", "legit", "text-junk-1");
  }

  @Test
  void withoutALowScoreAFullReviewQueueHoldsUpProcessingAsBefore() {
    CapacityPipeline p = pipeline(ReviewSpec.LowScore.NEVER, QueueSpec.bounded(QueueDiscipline.PRIORITY, 1));
    p.submit(tip("busy", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    p.submit(tip("a", 5));
    p.submit(tip("b", 90));
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(progress.get("b")).doesNotContain(TipProgress.EXPIRED);
    assertThat(p.processingStats().inService()).as("b's worker waits for room").isEqualTo(1);
  }
}
