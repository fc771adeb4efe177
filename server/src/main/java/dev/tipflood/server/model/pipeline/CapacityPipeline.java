package dev.tipflood.server.model.pipeline;

import dev.tipflood.server.model.queue.ServiceStage;
import dev.tipflood.server.model.queue.Sink;
import dev.tipflood.server.model.queue.StageObserver;
import dev.tipflood.server.model.queue.StageStats;
import dev.tipflood.server.model.review.GroundTruthOracle;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.review.VerdictListener;
import dev.tipflood.server.model.time.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happens to a tip after it is acknowledged: processing queue, N workers, review queue, R
 * simulated reviewers, verdict. Each verdict is the tip's true label (from the {@link
 * GroundTruthOracle}), flipped at the profile's error rate, and is published to every {@link
 * VerdictListener}.
 *
 * <p>Confined to the scheduler's thread, except {@link #subscribe}, {@link #processingStats()}
 * and {@link #reviewStats()}, which any thread may call.
 *
 * <pre>{@code
 * CapacityPipeline pipeline = new CapacityPipeline(scheduler, processing, review, 1.0,
 *     oracle, (id, progress) -> store.setStatus(id, progress));
 * pipeline.subscribe(verdict -> blocklist.learn(verdict));
 * pipeline.submit(new PipelineTip(id, media, 0, scheduler.nanoTime()));
 * }</pre>
 */
public final class CapacityPipeline {

  private final Scheduler scheduler;
  private final CostModel costs;
  private final GroundTruthOracle oracle;
  private final PipelineObserver observer;
  private final double errorRate;
  private final SplittableRandom mistakes;
  private final ServiceStage<PipelineTip> processing;
  private final ServiceStage<PipelineTip> review;
  private final List<VerdictListener> listeners = new CopyOnWriteArrayList<>();

  public CapacityPipeline(
      Scheduler scheduler,
      ProcessingSpec processingSpec,
      ReviewSpec reviewSpec,
      double scale,
      GroundTruthOracle oracle,
      PipelineObserver observer) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.costs = new CostModel(processingSpec, reviewSpec, scale);
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.errorRate = reviewSpec.errorRate();
    this.mistakes = new SplittableRandom(reviewSpec.seed());
    this.processing =
        new ServiceStage<>(
            "processing", processingSpec.workers(), processingSpec.queue(),
            costs::processingNanos, scheduler);
    this.review =
        new ServiceStage<>(
            "review", reviewSpec.reviewers(), reviewSpec.queue(), costs::reviewNanos, scheduler);
    processing.connect(new PrioritySink(review, reviewSpec.lowScore(), observer));
    review.connect(Sink.terminal(this::decide));
    processing.observe(progressReporter(TipProgress.QUEUED_FOR_PROCESSING, TipProgress.PROCESSING));
    review.observe(progressReporter(TipProgress.QUEUED_FOR_REVIEW, TipProgress.IN_REVIEW));
    if (reviewSpec.lowScore().applies()) {
      expireEvery(reviewSpec.lowScore(), Math.min(EXPIRY_SWEEP_NANOS, reviewSpec.lowScore().maxWait().toNanos()));
    }
  }

  /** How often the review queue is swept for low-score tips past their deadline. */
  static final long EXPIRY_SWEEP_NANOS = 1_000_000_000L;

  /** Takes low-score tips that waited past their deadline out of the review queue, every {@code everyNanos}. */
  private void expireEvery(ReviewSpec.LowScore lowScore, long everyNanos) {
    scheduler.schedule(everyNanos, () -> {
      for (PipelineTip gone : review.expire(lowScore.below(), lowScore.maxWait().toNanos())) {
        observer.progressed(gone.id(), TipProgress.EXPIRED);
      }
      expireEvery(lowScore, everyNanos);
    });
  }

  /**
   * Enters an acknowledged tip. It is never turned away: the processing queue's bound is enforced
   * by admission ({@link #hasRoom}, before a request's body is read), so the tips that were
   * uploading while the queue filled up, text-alone tips whose media never came, and tips resumed
   * after a restart are queued past it. Dropping them would lose tips the service had already
   * acknowledged.
   */
  public void submit(PipelineTip tip) {
    processing.admit(tip, tip.priority());
  }

  /** @return true if the processing queue is under its bound: an admission check before upload */
  public boolean hasRoom() {
    return processing.hasSpace();
  }

  public void subscribe(VerdictListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public StageStats processingStats() {
    return processing.stats();
  }

  public StageStats reviewStats() {
    return review.stats();
  }

  public CostModel costs() {
    return costs;
  }

  private void decide(PipelineTip tip) {
    Label truth = oracle.trueLabel(tip.id()).orElse(Label.LEGIT);
    boolean mistaken = errorRate > 0 && mistakes.nextDouble() < errorRate;
    Label label = mistaken ? (truth == Label.LEGIT ? Label.JUNK : Label.LEGIT) : truth;
    Verdict verdict =
        new Verdict(
            tip.id(), label, tip.media().stream().map(PipelineMedia::sha256).toList(),
            tip.acceptedAtNanos(), scheduler.nanoTime(), costs.reviewNanos(tip));
    observer.progressed(tip.id(), TipProgress.REVIEWED);
    listeners.forEach(l -> l.onVerdict(verdict));
  }

  private StageObserver<PipelineTip> progressReporter(TipProgress waiting, TipProgress working) {
    return new StageObserver<>() {
      @Override
      public void queued(PipelineTip tip) {
        observer.progressed(tip.id(), waiting);
      }

      @Override
      public void started(PipelineTip tip, long waitedNanos) {
        observer.progressed(tip.id(), working);
      }
    };
  }

  /**
   * Hands finished processing to the review queue at the tip's own priority. With a low-score
   * deadline a full review queue never holds up processing: a low-score tip that finds it full
   * expires at once; a tip at or above the threshold displaces the waiting tip that would be served
   * last if that one ranks lower, and otherwise is itself the one that would be served last, so it
   * expires. Either way the expired tip's status says so. (Holding up processing instead fills the
   * processing queue, which then drops every tip that arrives, whatever its priority: a flood of
   * text-alone junk ranked just above the threshold did that to legit tips.)
   */
  private record PrioritySink(ServiceStage<PipelineTip> next, ReviewSpec.LowScore lowScore,
      PipelineObserver observer) implements Sink<PipelineTip> {
    @Override
    public boolean offer(PipelineTip tip) {
      if (next.handOff(tip, tip.priority())) {
        return true;
      }
      if (!lowScore.applies()) {
        return false;
      }
      if (tip.priority() < lowScore.below()) {
        observer.progressed(tip.id(), TipProgress.EXPIRED);
        return true;
      }
      PipelineTip displaced = next.displaceLast(tip.priority());
      if (displaced == null) {
        observer.progressed(tip.id(), TipProgress.EXPIRED); // every waiting tip ranks at or above it
        return true;
      }
      observer.progressed(displaced.id(), TipProgress.EXPIRED);
      return next.handOff(tip, tip.priority());
    }

    @Override
    public void whenSpace(Runnable callback) {
      next.whenSpace(callback);
    }
  }
}
