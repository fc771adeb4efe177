package dev.tipflood.loadgen.client;

import java.time.Duration;
import java.util.Optional;

/**
 * When a client whose tip was answered {@code 202 deferred} (the server's brownout) sends the
 * tip's media to {@code POST /api/v1/tips/{id}/media}, as a real app would: at the time the server
 * named ({@code Retry-After}), then again after each {@code 425 media_upload_too_early} or
 * {@code 503 media_still_deferred} at the time it names, at most {@link #MAX_ATTEMPTS} uploads and
 * never after {@code lastSendNanos} (the run's hard stop less the time an answer may take). Any
 * other answer ends it: a {@code 201} is success, a {@code 4xx} will not change by asking again,
 * and a timeout or connection error is not retried (the server's journal decides whether the
 * media arrived, and a repeat would only get {@code 409}).
 *
 * <pre>{@code
 * DeferredUpload up = new DeferredUpload(lastSendNanos);
 * Optional<Duration> first = up.first(retryAfterOf202, now);          // empty: the slot is past the run
 * Optional<Duration> again = up.next(Outcome.status(503), 1, "60", now);
 * }</pre>
 */
public final class DeferredUpload {
  /** Media uploads per deferred tip, the first included. */
  public static final int MAX_ATTEMPTS = 8;
  /** The wait when a 425 or 503 names none (or an unreadable one). */
  static final Duration NO_ADVICE = Duration.ofSeconds(1);

  private final long lastSendNanos;

  /** @param lastSendNanos the latest time an upload may be sent, on the caller's nanoTime scale */
  public DeferredUpload(long lastSendNanos) {
    this.lastSendNanos = lastSendNanos;
  }

  /** The wait before the first upload: the 202's {@code Retry-After}; empty when that is past the last send time. */
  public Optional<Duration> first(String retryAfter, long nowNanos) {
    return within(seconds(retryAfter).orElse(Duration.ZERO), nowNanos);
  }

  /**
   * The wait before upload {@code attempt + 1}, or empty to stop.
   *
   * @param outcome    how upload {@code attempt} ended
   * @param attempt    the upload that just ended, 1 for the first
   * @param retryAfter its {@code Retry-After}, or null
   */
  public Optional<Duration> next(Outcome outcome, int attempt, String retryAfter, long nowNanos) {
    boolean notYet = outcome.kind() == Outcome.Kind.STATUS && (outcome.status() == 425 || outcome.status() == 503);
    if (!notYet || attempt >= MAX_ATTEMPTS) {
      return Optional.empty();
    }
    return within(seconds(retryAfter).filter(d -> !d.isZero()).orElse(NO_ADVICE), nowNanos);
  }

  private Optional<Duration> within(Duration wait, long nowNanos) {
    return nowNanos + wait.toNanos() <= lastSendNanos ? Optional.of(wait) : Optional.empty();
  }

  /** Delta-seconds, as the tipflood server sends; anything else counts as no advice. */
  private static Optional<Duration> seconds(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(value.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }
}
