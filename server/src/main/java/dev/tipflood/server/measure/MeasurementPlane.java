package dev.tipflood.server.measure;

import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.measure.decisions.DecisionCounters;
import dev.tipflood.server.measure.latency.LatencyRecorders;
import dev.tipflood.server.measure.latency.LatencyTag;
import dev.tipflood.server.measure.metrics.MeasureMetrics;
import dev.tipflood.server.measure.review.ClassCounters;
import dev.tipflood.server.measure.review.ReviewScoring;
import dev.tipflood.server.measure.timeline.JvmContributor;
import dev.tipflood.server.measure.timeline.ReviewContributor;
import dev.tipflood.server.measure.timeline.StageContributor;
import dev.tipflood.server.measure.timeline.StorageContributor;
import dev.tipflood.server.measure.timeline.TimelineContributor;
import dev.tipflood.server.measure.timeline.TimelineSampler;
import dev.tipflood.server.measure.truth.TruthRegistry;
import dev.tipflood.server.model.queue.StageStats;
import dev.tipflood.server.model.review.GroundTruthOracle;
import dev.tipflood.server.model.review.VerdictListener;
import dev.tipflood.server.model.storage.StorageBandwidth;
import dev.tipflood.server.model.storage.StorageQuota;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The measurement plane in one object: what the rest of the server may hold of it. It exposes
 * the reviewers' {@link GroundTruthOracle} and a {@link VerdictListener}, takes latencies and
 * stored bytes, and serves the histograms and the timeline; the truth itself never leaves it.
 *
 * <pre>{@code
 * MeasurementPlane measure = new MeasurementPlane(Clock.systemUTC(), System::nanoTime, registry);
 * CapacityPipeline pipeline = new CapacityPipeline(..., measure.oracle(), ...);
 * pipeline.subscribe(measure.verdictListener());
 * measure.attachStorage(quota, bandwidth);
 * measure.attachPipeline(pipeline::processingStats, pipeline::reviewStats);
 * }</pre>
 */
public final class MeasurementPlane {

  /** One hour of per-second samples. */
  public static final int TIMELINE_CAPACITY = 3600;

  private final MeterRegistry registry;
  private final TruthRegistry truth = new TruthRegistry();
  private final LatencyRecorders latency;
  private final ReviewScoring scoring = new ReviewScoring(truth);
  private final ClassCounters storedBytes = new ClassCounters();
  private final ClassCounters deferredTips = new ClassCounters();
  private final ClassCounters deferredArrived = new ClassCounters();
  private final ClassCounters deferredTextAlone = new ClassCounters();
  private final TimelineSampler timeline;
  private final Map<LatencyTag, Timer> latencyTimers = new ConcurrentHashMap<>();
  private final DecisionCounters decisions;
  private volatile boolean countEveryRequest;

  public MeasurementPlane(Clock wall, LongSupplier nanoTime, MeterRegistry registry) {
    this.registry = registry;
    this.latency = new LatencyRecorders(wall);
    this.timeline = new TimelineSampler(wall, nanoTime, TIMELINE_CAPACITY);
    timeline.add(new JvmContributor());
    this.decisions = new DecisionCounters(registry);
    timeline.add(decisions);
    timeline.add(new dev.tipflood.server.measure.timeline.DeferredMediaContributor(deferredTips, deferredArrived,
        deferredTextAlone));
    MeasureMetrics.bindReview(registry, scoring);
    FunctionCounter.builder("tipflood.latency.clamped", latency, LatencyRecorders::clampedValues).register(registry);
  }

  /** The reviewers' view of the truth: the one legitimate path from truth to the defence side. */
  public GroundTruthOracle oracle() {
    return truth;
  }

  /** Scores verdicts against the truth; subscribe it to the pipeline. */
  public VerdictListener verdictListener() {
    return verdict -> {
      scoring.onVerdict(verdict);
      Timer.builder("tipflood.review.time.to.review")
          .tag("truth", truth.classOf(verdict.tipId()))
          .register(registry)
          .record(Duration.ofNanos(verdict.timeToReviewNanos()));
    };
  }

  /**
   * Counts the tips that left the pipeline unreviewed by truth class: expiries (triage's review
   * deadline, a full review queue's shedding).
   */
  public dev.tipflood.server.model.pipeline.PipelineObserver pipelineObserver() {
    return (tipId, progress) -> {
      if (progress == dev.tipflood.server.model.pipeline.TipProgress.EXPIRED) {
        scoring.expired(tipId);
      }
    };
  }

  /** Adds storage to the timeline and the metrics. */
  public void attachStorage(StorageQuota quota, StorageBandwidth bandwidth) {
    timeline.add(new StorageContributor(quota, bandwidth, storedBytes));
    MeasureMetrics.bindStorage(registry, quota, bandwidth, storedBytes);
  }

  /** Adds the processing and review stages to the timeline and the metrics. */
  public void attachPipeline(Supplier<StageStats> processing, Supplier<StageStats> review) {
    timeline.add(new StageContributor(() -> List.of(processing.get(), review.get())));
    timeline.add(new ReviewContributor(scoring, review));
    MeasureMetrics.bindStage(registry, "processing", processing);
    MeasureMetrics.bindStage(registry, "review", review);
  }

  /** Adds another resource (e.g. open connections) to every timeline sample. */
  public void addToTimeline(TimelineContributor contributor) {
    timeline.add(contributor);
  }

  /** Records one request's server-side latency under its (population, endpoint, outcome). */
  public void recordLatency(LatencyTag tag, long micros) {
    latency.record(tag, micros);
    latencyTimers.computeIfAbsent(tag, t -> Timer.builder("tipflood.request.latency")
            .tags("pop", t.population(), "ep", t.endpoint(), "out", t.outcome())
            .register(registry))
        .record(micros, TimeUnit.MICROSECONDS);
  }

  /** A tip's media were deferred (brownout, {@code 202}): counted by its truth class. */
  public void tipDeferred(String tipId) {
    deferredTips.add(truth.classOf(tipId), 1);
  }

  /** The media of a deferred tip have arrived: counted by its truth class. */
  public void deferredMediaArrived(String tipId) {
    deferredArrived.add(truth.classOf(tipId), 1);
  }

  /** A deferred tip's media did not come within the brownout's window: it goes to review on its text alone. */
  public void deferredTextAlone(String tipId) {
    deferredTextAlone.add(truth.classOf(tipId), 1);
  }

  /**
   * Counts the defence decisions that ranked a stored tip outside any request (gone text-alone,
   * resumed) under the tip's truth class, as a request's are counted under its own.
   */
  public void storedTipDecisions(String tipId, DecisionLog log) {
    decisions.count(log, truth.classOf(tipId));
  }

  /** Attributes an acknowledged tip's stored bytes to its truth class. */
  public void tipStored(String tipId, long bytes) {
    storedBytes.add(truth.classOf(tipId), bytes);
  }

  /**
   * Defences act on requests (the profile declares some): look for every request's decision log.
   * Without it only refused requests (408, 429, 503: the ingress caps) are looked at.
   */
  public void countDefenceDecisions() {
    countEveryRequest = true;
  }

  /** Whether a request that ended with {@code status} may carry defence decisions. */
  public boolean mayCarryDecisions(int status) {
    return countEveryRequest || status == 429 || status == 503 || status == 408;
  }

  /** Defence decisions by defence, reason and truth class. */
  public DecisionCounters decisions() {
    return decisions;
  }

  /** The truth registry: for the measurement plane's own handlers only (an ArchUnit rule). */
  public TruthRegistry truth() {
    return truth;
  }

  public LatencyRecorders latency() {
    return latency;
  }

  public TimelineSampler timeline() {
    return timeline;
  }
}
