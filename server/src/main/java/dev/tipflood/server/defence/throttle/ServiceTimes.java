package dev.tipflood.server.defence.throttle;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The work in flight behind a limit, and how long work takes: the state Retry-After is computed
 * from when a limit (not a bucket) refuses. The next slot frees when the oldest work in flight
 * has run for the mean service time; each request queued ahead adds a mean service time spread
 * over the slots. Thread-safe.
 */
final class ServiceTimes {
  /** Weight of the newest sample in the moving average. */
  private static final double ALPHA = 0.2;
  /** Until a first sample, assume work takes this long. */
  private static final long NO_SAMPLE_NANOS = 1_000_000_000L;
  private static final long MIN_WAIT_NANOS = 1_000_000L;

  private final ConcurrentSkipListMap<Long, Integer> starts = new ConcurrentSkipListMap<>();
  private volatile double meanNanos = -1;

  void started(long nanos) {
    starts.merge(nanos, 1, Integer::sum);
  }

  /** Work started at {@code startNanos} ended at {@code nowNanos}; {@code sample} feeds the mean. */
  void ended(long startNanos, long nowNanos, boolean sample) {
    starts.computeIfPresent(startNanos, (k, n) -> n == 1 ? null : n - 1);
    if (sample) {
      long d = Math.max(0, nowNanos - startNanos);
      synchronized (this) {
        meanNanos = meanNanos < 0 ? d : meanNanos + ALPHA * (d - meanNanos);
      }
    }
  }

  long meanNanos() {
    double m = meanNanos;
    return m < 0 ? NO_SAMPLE_NANOS : (long) m;
  }

  /** Start of the oldest work in flight, or -1 when none is. */
  long oldestStart() {
    return starts.isEmpty() ? -1 : starts.firstKey();
  }

  /** The wait until a slot is free for work with {@code ahead} requests queued before it. */
  long waitForSlot(long nowNanos, int ahead, int slots) {
    long mean = meanNanos();
    Long oldest = starts.isEmpty() ? null : starts.firstKey();
    long first = oldest == null ? 0 : Math.max(0, oldest + mean - nowNanos);
    long queued = ahead <= 0 ? 0 : (long) ((double) ahead * mean / Math.max(1, slots));
    return Math.max(MIN_WAIT_NANOS, first + queued);
  }
}
