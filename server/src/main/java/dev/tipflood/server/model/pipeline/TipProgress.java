package dev.tipflood.server.model.pipeline;

import java.util.Locale;

/** Where an acknowledged tip is in the pipeline. */
public enum TipProgress {
  QUEUED_FOR_PROCESSING,
  PROCESSING,
  QUEUED_FOR_REVIEW,
  IN_REVIEW,
  REVIEWED,
  /**
   * A low-priority tip ({@link dev.tipflood.server.model.review.ReviewSpec#lowScore}) waited in
   * the review queue past its deadline, found the queue full, or was displaced from it by a
   * higher-priority tip: it will not be reviewed, and its status says so.
   */
  EXPIRED;

  /** The API's spelling, e.g. {@code queued-for-review}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
