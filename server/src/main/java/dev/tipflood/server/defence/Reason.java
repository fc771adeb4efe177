package dev.tipflood.server.defence;

import java.util.Locale;

/**
 * Why a defence refused, held or deferred a request. The adapter maps each to an HTTP status and
 * error code. The throttles' reasons are worth a retry (Retry-After); triage's {@code MEDIA_*}
 * reasons are not: the same bytes would be refused again.
 */
public enum Reason {
  /** A token bucket (per client or global) is empty: 429. */
  RATE_LIMITED,
  /** The adaptive concurrency limit is reached: 503. */
  CONCURRENCY_LIMITED,
  /** The request waited in a queue longer than its deadline (or CoDel shed it): 503. */
  QUEUE_TIMEOUT,
  /** The queue in front of a limit is full: 503. */
  QUEUE_FULL,
  /** The client already has its maximum of uploads in flight: 429. */
  TOO_MANY_UPLOADS,
  /** A bandwidth budget is spent: the body is paused (a hold, never a rejection). */
  BANDWIDTH,
  /** The public port has its maximum of connections open: 503. */
  TOO_MANY_CONNECTIONS,
  /** A request body made no progress for the slow-body timeout (slowloris): 408. */
  BODY_TIMEOUT,
  /** A connection moved no bytes either way for the idle timeout: it is closed, nothing is answered. */
  IDLE_TIMEOUT,
  /**
   * A request head did not arrive complete within the header timeout (header-phase slowloris):
   * 408, or a silent close when the connection sent nothing at all.
   */
  HEADER_TIMEOUT,
  /** Triage: a media part's bytes are no media type the service takes: 415. */
  MEDIA_TYPE_UNSUPPORTED,
  /** Triage: a media part's bytes are a different type than its declared Content-Type: 415. */
  MEDIA_TYPE_MISMATCH,
  /** Triage: a media part is also another format (e.g. a JPEG with a ZIP archive appended): 415. */
  MEDIA_POLYGLOT,
  /** Triage: an image or video header declares more pixels than the cap (a decompression bomb): 413. */
  MEDIA_TOO_MANY_PIXELS,
  /** Triage: a GIF or video has more frames than the cap: 413. */
  MEDIA_TOO_MANY_FRAMES,
  /** Triage: a media header is inconsistent (a declared size beyond the cap or the file): 422. */
  MEDIA_HEADER_INVALID,
  /** Triage: a media part ends before its format's end marker: 422. */
  MEDIA_TRUNCATED,
  /** Triage: a media part has no bytes: 400. */
  MEDIA_EMPTY,
  /** Triage: a media part is byte-identical to media already stored, and the profile rejects duplicates: 409. */
  MEDIA_DUPLICATE,
  /** Triage: a media part matches media that reviewers judged junk (exactly, or by PDQ): 422. */
  MEDIA_KNOWN_JUNK,
  /** Triage: the service is under pressure; the tip's text is taken now and its media later (brownout). */
  BROWNOUT;

  /** Whether retrying the same request later may succeed (throttling), or never will (bad media). */
  public boolean retryable() {
    return !name().startsWith("MEDIA_");
  }

  /** The snake_case spelling used in counters and error codes. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
