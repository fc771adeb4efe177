package dev.tipflood.server.capacity;

import dev.tipflood.server.measure.MeasurementPlane;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import dev.tipflood.server.model.pipeline.MediaKind;
import dev.tipflood.server.model.pipeline.PipelineMedia;
import dev.tipflood.server.model.pipeline.PipelineTip;
import dev.tipflood.server.model.time.Scheduler;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.wiring.TipPipeline;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Hands each acknowledged tip to the model's {@link CapacityPipeline}, on the model's context.
 * A video's length is estimated from its size at the profile's {@code review.videoBytesPerMinute}.
 */
public final class ModelTipPipeline implements TipPipeline {

  private final CapacityPipeline pipeline;
  private final Scheduler scheduler;
  private final MeasurementPlane measure;
  private final long videoBytesPerMinute;
  private final TextAloneWindow window;
  private final ToIntFunction<TipRecord> storedPriority;

  public ModelTipPipeline(
      CapacityPipeline pipeline, Scheduler scheduler, MeasurementPlane measure, long videoBytesPerMinute) {
    this(pipeline, scheduler, measure, videoBytesPerMinute, TextAloneWindow.Source.NONE, tip -> 0);
  }

  /**
   * With the brownout's {@code textAloneAfter} window on deferred tips.
   *
   * @param storedPriority the review priority of a tip entering review outside a request (gone
   *     text-alone, or resumed after a restart), asked on the model's context
   */
  public ModelTipPipeline(CapacityPipeline pipeline, Scheduler scheduler, MeasurementPlane measure,
      long videoBytesPerMinute, TextAloneWindow.Source deferredWindow, ToIntFunction<TipRecord> storedPriority) {
    this.pipeline = pipeline;
    this.scheduler = scheduler;
    this.measure = measure;
    this.videoBytesPerMinute = videoBytesPerMinute;
    this.storedPriority = storedPriority;
    this.window = new TextAloneWindow(scheduler, deferredWindow.clock(), deferredWindow.store(), deferredWindow.window(),
        this::wentTextAlone);
  }

  @Override
  public void deferred(TipRecord tip) {
    measure.tipDeferred(tip.id().value());
    window.watch(tip);
  }

  @Override
  public void stillDeferred(TipRecord tip) {
    window.watch(tip);
  }

  /**
   * Its media never came: ranked on its text (on the model's context, not the store's thread),
   * processed (nothing to process) and reviewed on its text.
   */
  private void wentTextAlone(TipRecord tip) {
    measure.deferredTextAlone(tip.id().value());
    submitRanked(tip);
  }

  /** Windows the store could not close. */
  public long textAloneFailures() {
    return window.failures();
  }

  @Override
  public void accepted(TipRecord tip, int priority) {
    if (tip.mediaUploadAfter().isPresent()) {
      measure.deferredMediaArrived(tip.id().value());
    }
    measure.tipStored(tip.id().value(), tip.ownMediaBytes()); // a linked duplicate stores no bytes
    submit(tip, priority);
  }

  /**
   * Starts the tip over from processing, ranked again from what the store holds (its review
   * priority died with the previous process). Its truth died too (the registry is in memory), so
   * the reviewer's oracle answers "unlabelled" and the verdict is scored in the unlabelled class;
   * its bytes are not added to the stored-bytes-by-truth counters, which count uploads since this
   * start (the quota already counts every byte on disk).
   */
  @Override
  public void resumed(TipRecord tip) {
    submitRanked(tip);
  }

  /** Ranks the tip and submits it, in call order, on the model's context. */
  private void submitRanked(TipRecord tip) {
    scheduler.execute(() -> pipeline.submit(entering(tip, storedPriority.applyAsInt(tip))));
  }

  private void submit(TipRecord tip, int priority) {
    PipelineTip entering = entering(tip, priority);
    scheduler.execute(() -> pipeline.submit(entering));
  }

  private PipelineTip entering(TipRecord tip, int priority) {
    return new PipelineTip(tip.id().value(), media(tip), priority, scheduler.nanoTime());
  }

  private List<PipelineMedia> media(TipRecord tip) {
    return tip.media().stream()
        .map(m -> {
          MediaKind kind = MediaKind.fromContentType(m.contentType());
          double seconds = kind == MediaKind.VIDEO ? 60.0 * m.size() / videoBytesPerMinute : 0;
          return new PipelineMedia(kind, m.size(), seconds, m.sha256());
        })
        .toList();
  }
}
