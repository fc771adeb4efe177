package dev.tipflood.server.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.server.model.queue.QueueDiscipline;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.review.GroundTruthOracle;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityPipelineTest {

  private static final long MB = 1024 * 1024;

  private static final long SECOND = 1_000_000_000L;
  private final VirtualScheduler clock = new VirtualScheduler();
  private final Map<String, Label> truth = new HashMap<>();
  private final GroundTruthOracle oracle = id -> Optional.ofNullable(truth.get(id));
  private final List<Verdict> verdicts = new ArrayList<>();
  private final Map<String, List<TipProgress>> progress = new HashMap<>();

  private CapacityPipeline pipeline(int workers, int reviewers, QueueSpec reviewQueue, double errorRate) {
    ProcessingSpec processing =
        new ProcessingSpec(
            workers,
            Map.of(MediaKind.PHOTO, Duration.ofMillis(50), MediaKind.VIDEO, Duration.ofMillis(400)),
            QueueSpec.unbounded(QueueDiscipline.FIFO));
    ReviewSpec review =
        new ReviewSpec(reviewers, Duration.ofSeconds(1), Duration.ofSeconds(30), errorRate, reviewQueue, 42);
    CapacityPipeline p =
        new CapacityPipeline(
            clock, processing, review, 1.0, oracle,
            (id, step) -> progress.computeIfAbsent(id, k -> new ArrayList<>()).add(step));
    p.subscribe(verdicts::add);
    return p;
  }

  private PipelineTip photoTip(String id, Label label, int priority) {
    truth.put(id, label);
    return new PipelineTip(
        id, List.of(new PipelineMedia(MediaKind.PHOTO, MB, 0, "sha-" + id)), priority, clock.nanoTime());
  }

  @Test
  void tipWalksEveryStepAndGetsItsTrueLabel() {
    CapacityPipeline p = pipeline(1, 1, QueueSpec.unbounded(QueueDiscipline.FIFO), 0);
    p.submit(photoTip("a", Label.JUNK, 0));
    p.submit(photoTip("b", Label.LEGIT, 0));
    clock.runUntilIdle(100);

    assertThat(progress.get("a"))
        .containsExactly(TipProgress.PROCESSING, TipProgress.IN_REVIEW, TipProgress.REVIEWED);
    assertThat(progress.get("b"))
        .containsExactly(
            TipProgress.QUEUED_FOR_PROCESSING, TipProgress.PROCESSING,
            TipProgress.QUEUED_FOR_REVIEW, TipProgress.IN_REVIEW, TipProgress.REVIEWED);
    assertThat(verdicts).extracting(Verdict::tipId, Verdict::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", Label.JUNK),
            org.assertj.core.groups.Tuple.tuple("b", Label.LEGIT));
    // a: 50 ms processing + 1 s review; b waits 50 ms for the worker, then 1 s for the reviewer
    assertThat(verdicts.get(0).timeToReviewNanos()).isEqualTo(SECOND + SECOND / 20);
    assertThat(verdicts.get(1).timeToReviewNanos()).isEqualTo(2 * SECOND + SECOND / 20);
    assertThat(verdicts.get(0).mediaSha256()).containsExactly("sha-a");
  }

  @Test
  void processingThroughputPlateausAtWorkersOverCostPerTip() {
    // 4 workers, 2MB photos at 50ms/MB: 100 ms of work per tip, so at most 40 tips/s
    for (double offered : new double[] {10, 20, 40, 80, 160}) {
      VirtualScheduler run = new VirtualScheduler();
      CapacityPipeline p = new CapacityPipeline(run,
          new ProcessingSpec(4, Map.of(MediaKind.PHOTO, Duration.ofMillis(50)), QueueSpec.unbounded(QueueDiscipline.FIFO)),
          new ReviewSpec(1000, Duration.ofMillis(1), Duration.ofSeconds(1), 0, QueueSpec.unbounded(QueueDiscipline.FIFO), 1),
          1.0, GroundTruthOracle.unknowing(), PipelineObserver.none());
      long gap = (long) (SECOND / offered);
      int n = 0;
      for (long at = 0; at < 60 * SECOND; at += gap) {
        String id = "t" + n++;
        run.schedule(at, () -> p.submit(new PipelineTip(id,
            List.of(new PipelineMedia(MediaKind.PHOTO, 2 * MB, 0, "h")), 0, run.nanoTime())));
      }
      run.advanceTo(10 * SECOND);
      long before = p.processingStats().departed();
      run.advanceTo(60 * SECOND);
      double throughput = (p.processingStats().departed() - before) / 50.0;
      assertThat(throughput).as("offered %s/s", offered).isCloseTo(Math.min(offered, 40), within(0.5));
    }
  }

  @Test
  void reviewBacklogGrowsLinearlyWhenArrivalsExceedReviewCapacity() {
    // 10 tips/s against 2 reviewers x 1 s per photo = 2 tips/s: the backlog grows by 8 per second
    CapacityPipeline p = pipeline(4, 2, QueueSpec.unbounded(QueueDiscipline.FIFO), 0);
    for (int i = 0; i < 600; i++) {
      String id = "t" + i;
      clock.schedule(i * SECOND / 10, () -> p.submit(photoTip(id, Label.JUNK, 0)));
    }
    List<Double> backlog = new ArrayList<>();
    for (int s = 10; s <= 50; s += 10) {
      clock.advanceTo(s * SECOND);
      backlog.add((double) p.reviewStats().queued());
    }
    for (int i = 0; i < backlog.size(); i++) {
      assertThat(backlog.get(i)).isCloseTo(8.0 * 10 * (i + 1), within(2.0));
    }
    assertThat(p.reviewStats().departed()).isCloseTo(100, within(2L));
  }

  @Test
  void priorityQueueCutsTheTimeToReviewOfThePrioritisedClass() {
    double legitFifo = meanTimeToReview(QueueDiscipline.FIFO, Label.LEGIT);
    double junkFifo = meanTimeToReview(QueueDiscipline.FIFO, Label.JUNK);
    double legitPriority = meanTimeToReview(QueueDiscipline.PRIORITY, Label.LEGIT);
    double junkPriority = meanTimeToReview(QueueDiscipline.PRIORITY, Label.JUNK);

    // Under FIFO a legit tip waits behind the flood like everyone else ...
    assertThat(legitFifo).isCloseTo(junkFifo, within(0.2 * junkFifo));
    // ... with priority it jumps the queue, and the junk pays for it.
    assertThat(legitPriority).isLessThan(legitFifo / 10);
    assertThat(junkPriority).isGreaterThan(junkFifo);
  }

  private double meanTimeToReview(QueueDiscipline discipline, Label label) {
    VirtualScheduler run = new VirtualScheduler();
    Map<String, Label> labels = new HashMap<>();
    List<Verdict> seen = new ArrayList<>();
    CapacityPipeline p =
        new CapacityPipeline(
            run,
            new ProcessingSpec(8, Map.of(), QueueSpec.unbounded(QueueDiscipline.FIFO)),
            new ReviewSpec(2, Duration.ofSeconds(1), Duration.ofSeconds(30), 0,
                QueueSpec.unbounded(discipline), 1),
            1.0, id -> Optional.ofNullable(labels.get(id)), PipelineObserver.none());
    p.subscribe(seen::add);
    // 3 tips/s for 60 s against 2 tips/s of review; every 10th tip is legit and ranks higher
    for (int i = 0; i < 180; i++) {
      String id = "t" + i;
      Label l = i % 10 == 0 ? Label.LEGIT : Label.JUNK;
      labels.put(id, l);
      int priority = l == Label.LEGIT ? 1 : 0;
      run.schedule(i * SECOND / 3, () -> p.submit(new PipelineTip(id, List.of(), priority, run.nanoTime())));
    }
    run.runUntilIdle(10_000);
    return seen.stream()
        .filter(v -> labels.get(v.tipId()) == label)
        .mapToLong(Verdict::timeToReviewNanos)
        .average()
        .orElseThrow() / SECOND;
  }

  @Test
  void reviewersErrAtTheConfiguredRateRepeatably() {
    CapacityPipeline p = pipeline(8, 8, QueueSpec.unbounded(QueueDiscipline.FIFO), 0.1);
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      p.submit(photoTip("t" + i, i % 2 == 0 ? Label.LEGIT : Label.JUNK, 0));
    }
    clock.runUntilIdle(20 * n);
    long wrong = verdicts.stream().filter(v -> v.label() != truth.get(v.tipId())).count();
    double sigma = Math.sqrt(n * 0.1 * 0.9);
    assertThat((double) wrong).isCloseTo(n * 0.1, within(4 * sigma));

    List<Label> first = verdicts.stream().map(Verdict::label).toList();
    verdicts.clear();
    truth.clear();
    VirtualScheduler again = new VirtualScheduler();
    CapacityPipeline replay =
        new CapacityPipeline(again,
            new ProcessingSpec(8, Map.of(MediaKind.PHOTO, Duration.ofMillis(50)), QueueSpec.unbounded(QueueDiscipline.FIFO)),
            new ReviewSpec(8, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.1,
                QueueSpec.unbounded(QueueDiscipline.FIFO), 42),
            1.0, oracle, PipelineObserver.none());
    replay.subscribe(verdicts::add);
    for (int i = 0; i < n; i++) {
      truth.put("t" + i, i % 2 == 0 ? Label.LEGIT : Label.JUNK);
      replay.submit(new PipelineTip("t" + i,
          List.of(new PipelineMedia(MediaKind.PHOTO, MB, 0, "x")), 0, 0));
    }
    again.runUntilIdle(20 * n);
    assertThat(verdicts.stream().map(Verdict::label).toList()).isEqualTo(first);
  }

  @Test
  void unlabelledTipsLookLegitToAnErrorFreeReviewer() {
    CapacityPipeline p = pipeline(1, 1, QueueSpec.unbounded(QueueDiscipline.FIFO), 0);
    p.submit(new PipelineTip("x", List.of(), 0, 0));
    clock.runUntilIdle(100);
    assertThat(verdicts).extracting(Verdict::label).containsExactly(Label.LEGIT);
  }

  @Test
  void anAcknowledgedTipIsNeverTurnedAwayAFullQueueOnlyStopsAdmission() {
    ProcessingSpec processing =
        new ProcessingSpec(1, Map.of(MediaKind.PHOTO, Duration.ofSeconds(1)),
            QueueSpec.bounded(QueueDiscipline.FIFO, 1));
    ReviewSpec review = new ReviewSpec(1, Duration.ofSeconds(1), Duration.ofSeconds(30), 0,
        QueueSpec.bounded(QueueDiscipline.FIFO, 1), 1);
    CapacityPipeline p = new CapacityPipeline(clock, processing, review, 1.0, oracle,
        (id, step) -> progress.computeIfAbsent(id, k -> new ArrayList<>()).add(step));
    p.subscribe(verdicts::add);
    p.submit(photoTip("a", Label.LEGIT, 0)); // the one worker
    p.submit(photoTip("b", Label.LEGIT, 0)); // the one waiting place
    assertThat(p.hasRoom()).as("admission refuses new requests").isFalse();
    // c was admitted before the queue filled (its upload was in flight), or resumed after a restart.
    p.submit(photoTip("c", Label.LEGIT, 0));
    assertThat(p.processingStats().queued()).isEqualTo(2);
    assertThat(p.processingStats().rejected()).isZero();
    assertThat(progress.get("c")).containsExactly(TipProgress.QUEUED_FOR_PROCESSING);

    clock.runUntilIdle(100);
    assertThat(verdicts).extracting(Verdict::tipId).containsExactly("a", "b", "c");
    assertThat(p.hasRoom()).isTrue();
  }
}
