package dev.tipflood.server.tip;

import java.util.Locale;

/** Where a tip is in the pipeline. Shown in lower case over HTTP. */
public enum TipStatus {
  /** Durable and acknowledged; nothing has processed it yet. */
  RECEIVED,
  /**
   * Its text is durable (answered {@code 202}, brownout) and its media are awaited at
   * {@code POST /api/v1/tips/{id}/media}; it enters processing once they arrive.
   */
  DEFERRED,
  /** Waiting for or in media processing. */
  PROCESSING,
  /** Waiting for a human reviewer. */
  AWAITING_REVIEW,
  /** A reviewer gave a verdict. */
  REVIEWED,
  /**
   * Left by the pipeline unreviewed. No longer set: servers before 2026-12-05 dropped a tip that
   * found the processing queue full after its acknowledgement; now an acknowledged tip is always
   * queued. Kept so that their journals still read, and their dropped tips stay final.
   */
  DROPPED,
  /** Triage ranked it low and it waited in the review queue past the profile's deadline: never reviewed. */
  EXPIRED;

  /** Whether the pipeline is done with a tip in this status: reviewed, dropped or expired. */
  public boolean isFinal() {
    return this == REVIEWED || this == DROPPED || this == EXPIRED;
  }

  /** The wire name, e.g. {@code awaiting_review}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name. */
  public static TipStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
