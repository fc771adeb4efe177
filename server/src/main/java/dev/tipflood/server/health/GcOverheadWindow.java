package dev.tipflood.server.health;

import java.util.ArrayDeque;

/**
 * The share of wall time spent in garbage collection over a sliding window, from periodic
 * samples of the cumulative GC time. Until a whole window has been seen the share is taken over
 * the full window length, so a collection at start-up does not look like thrash. Not
 * thread-safe: one sampler thread feeds it.
 */
public final class GcOverheadWindow {

  private record Sample(long atNanos, long gcMillis) {}

  private final long windowNanos;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  public GcOverheadWindow(long windowNanos) {
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("windowNanos must be positive, got " + windowNanos);
    }
    this.windowNanos = windowNanos;
  }

  /** Adds a sample of the cumulative GC time and returns the overhead over the window ending now. */
  public double record(long nowNanos, long gcMillis) {
    samples.addLast(new Sample(nowNanos, gcMillis));
    // Keep the newest sample at or before the window start as the baseline.
    while (samples.size() > 2 && nowNanos - secondOldest().atNanos() >= windowNanos) {
      samples.removeFirst();
    }
    return overhead();
  }

  /** The overhead as of the latest sample, 0 to 1. */
  public double overhead() {
    if (samples.size() < 2) {
      return 0;
    }
    Sample first = samples.peekFirst();
    Sample last = samples.peekLast();
    long span = Math.max(last.atNanos() - first.atNanos(), windowNanos);
    double gcNanos = (last.gcMillis() - first.gcMillis()) * 1e6;
    return Math.min(1.0, Math.max(0.0, gcNanos / span));
  }

  private Sample secondOldest() {
    var it = samples.iterator();
    it.next();
    return it.next();
  }
}
