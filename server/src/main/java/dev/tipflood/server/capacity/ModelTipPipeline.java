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

/**
 * Hands each acknowledged tip to the model's {@link CapacityPipeline}, on the model's context.
 * A video's length is estimated from its size at the profile's {@code review.videoBytesPerMinute}.
 */
public final class ModelTipPipeline implements TipPipeline {

  private final CapacityPipeline pipeline;
  private final Scheduler scheduler;
  private final MeasurementPlane measure;
  private final long videoBytesPerMinute;

  public ModelTipPipeline(
      CapacityPipeline pipeline, Scheduler scheduler, MeasurementPlane measure, long videoBytesPerMinute) {
    this.pipeline = pipeline;
    this.scheduler = scheduler;
    this.measure = measure;
    this.videoBytesPerMinute = videoBytesPerMinute;
  }

  @Override
  public void deferred(TipRecord tip) {
    measure.tipDeferred(tip.id().value());
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
   * Starts the tip over from processing. Its truth died with the previous process (the registry
   * is in memory), so the reviewer's oracle answers "unlabelled" and the verdict is scored in the
   * unlabelled class; its bytes are not added to the stored-bytes-by-truth counters, which count
   * uploads since this start (the quota already counts every byte on disk).
   */
  @Override
  public void resumed(TipRecord tip) {
    submit(tip, 0);
  }

  private void submit(TipRecord tip, int priority) {
    PipelineTip entering = new PipelineTip(tip.id().value(), media(tip), priority, scheduler.nanoTime());
    scheduler.execute(() -> pipeline.submit(entering));
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
