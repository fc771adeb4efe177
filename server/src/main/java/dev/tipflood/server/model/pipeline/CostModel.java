package dev.tipflood.server.model.pipeline;

import dev.tipflood.server.model.review.ReviewSpec;

/**
 * Turns a tip into virtual work: processing time from its megabytes per media kind, review time
 * from its photos and video minutes. Byte counts are unscaled first, so {@code --scale} shrinks
 * the bytes on the wire but not the work: utilisation is kept, as similarity scaling requires.
 */
public final class CostModel {

  private static final double BYTES_PER_MB = 1024d * 1024;

  private final ProcessingSpec processing;
  private final ReviewSpec review;
  private final double scale;

  /** @param scale the server's {@code --scale}, in (0, 1] */
  public CostModel(ProcessingSpec processing, ReviewSpec review, double scale) {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("scale must be in (0, 1], was " + scale);
    }
    this.processing = processing;
    this.review = review;
    this.scale = scale;
  }

  public long processingNanos(PipelineTip tip) {
    double nanos = 0;
    for (PipelineMedia item : tip.media()) {
      double megabytes = item.bytes() / scale / BYTES_PER_MB;
      nanos += processing.cost(item.kind()).toNanos() * megabytes;
    }
    return Math.round(nanos);
  }

  /** Photos, GIFs and other stills cost {@code perPhoto} each; a tip without media costs one. */
  public long reviewNanos(PipelineTip tip) {
    long stills = 0;
    double videoMinutes = 0;
    for (PipelineMedia item : tip.media()) {
      if (item.kind() == MediaKind.VIDEO) {
        videoMinutes += item.durationSeconds() / 60d;
      } else {
        stills++;
      }
    }
    if (tip.media().isEmpty()) {
      stills = 1;
    }
    return stills * review.perPhoto().toNanos()
        + Math.round(videoMinutes * review.perVideoMinute().toNanos());
  }
}
