package dev.tipflood.loadgen.plan;

import java.util.Objects;

/**
 * Wait before a retry.
 *
 * @param kind       none (a retry storm), fixed, or exponential
 * @param baseMillis fixed wait, or the first exponential step
 * @param maxMillis  cap of the exponential wait
 * @param jitter     exponential only: a random share up to this is taken off each wait
 *                   (1 is "full jitter", 0 none)
 */
public record Backoff(Kind kind, long baseMillis, long maxMillis, double jitter) {

  public static final Backoff NONE = new Backoff(Kind.NONE, 0, 0, 0);

  /** Backoff shapes. */
  public enum Kind { NONE, FIXED, EXPONENTIAL }

  public Backoff {
    Objects.requireNonNull(kind, "backoff.kind");
    if (baseMillis < 0 || maxMillis < 0) {
      throw new IllegalArgumentException("backoff.baseMillis and backoff.maxMillis must be >= 0");
    }
    if (kind == Kind.EXPONENTIAL && maxMillis < baseMillis) {
      throw new IllegalArgumentException("backoff.maxMillis must be >= backoff.baseMillis, was "
          + maxMillis + " < " + baseMillis);
    }
    Plans.requireShare(jitter, "backoff.jitter");
  }
}
