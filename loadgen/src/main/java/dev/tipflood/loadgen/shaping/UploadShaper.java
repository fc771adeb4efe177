package dev.tipflood.loadgen.shaping;

import dev.tipflood.loadgen.measure.TimeSource;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The upload cap of one connection: a token bucket of one token per byte, refilled greedily at
 * the cap, holding at most {@link #burstBytes(long)}. Not thread-safe in spirit: one connection's
 * event loop uses it (the bucket itself is lock-free).
 *
 * <pre>{@code
 * long n = shaper.grant(pending);          // bytes that may go upstream now
 * if (n == 0) wait(shaper.nanosUntilAvailable(pending));
 * }</pre>
 */
public final class UploadShaper {
  /** The bucket holds this much time's worth of bytes: small enough to trickle, large enough to batch writes. */
  static final Duration BURST_WINDOW = Duration.ofMillis(100);

  private final Bucket bucket;
  private final long burst;

  /**
   * @param bytesPerSecond the cap, &gt; 0
   * @param time           the clock the bucket refills by
   */
  public UploadShaper(long bytesPerSecond, TimeSource time) {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("uploadBandwidthBytesPerSecond must be >= 1, was " + bytesPerSecond);
    }
    this.burst = burstBytes(bytesPerSecond);
    this.bucket = Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(bytesPerSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(new ClockMeter(time))
        .build();
  }

  /** Bucket capacity for a cap: 100 ms of it, at least 1 byte. A shaped stream sends at most this above the cap. */
  public static long burstBytes(long bytesPerSecond) {
    return Math.max(1, bytesPerSecond * BURST_WINDOW.toMillis() / 1000);
  }

  public long burstBytes() {
    return burst;
  }

  /** Takes up to {@code wanted} bytes' worth of tokens now and returns how many were granted (0..wanted). */
  public long grant(long wanted) {
    return wanted <= 0 ? 0 : bucket.tryConsumeAsMuchAsPossible(wanted);
  }

  /**
   * Nanoseconds until {@code min(wanted, burst)} bytes can be granted at once, so a trickle is
   * written in batches, not byte by byte; 0 if they can be now.
   */
  public long nanosUntilAvailable(long wanted) {
    long batch = Math.max(1, Math.min(wanted, burst));
    return bucket.estimateAbilityToConsume(batch).getNanosToWaitForRefill();
  }

  /** Bucket4j's clock, read from tipflood's injectable {@link TimeSource}. */
  private record ClockMeter(TimeSource time) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return time.nanoTime();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
