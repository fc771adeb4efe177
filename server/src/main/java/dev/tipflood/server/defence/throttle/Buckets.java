package dev.tipflood.server.defence.throttle;

import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Reason;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** Bucket4j buckets on the defences' injected clock. */
final class Buckets {
  private Buckets() {}

  static TimeMeter meter(NanoClock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return clock.nanoTime();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
  }

  /** A bucket of {@code capacity} tokens, refilled greedily at {@code refill}, starting full. */
  static Bucket of(long capacity, Rate refill, TimeMeter meter) {
    return Bucket.builder()
        .addLimit(l -> l.capacity(capacity).refillGreedy(refill.count(), refill.period()))
        .withCustomTimePrecision(meter)
        .build();
  }

  /**
   * Paces a body: the chunk's bytes are taken if the bucket holds them; if not, nothing is taken
   * and the body pauses for the bucket's own wait, then asks again. A chunk larger than the whole
   * bucket could never fit: it is taken into debt, so the body's next chunk waits instead.
   */
  static Decision pace(Bucket bucket, long bytes, long capacity) {
    if (bytes > capacity) {
      bucket.consumeIgnoringRateLimits(bytes);
      return Decision.admit();
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(bytes);
    return probe.isConsumed() ? Decision.admit() : Decision.hold(Reason.BANDWIDTH, probe.getNanosToWaitForRefill());
  }

  /** Time for an empty bucket to be full again: after that an evicted key comes back exactly as it left. */
  static Duration fullRefill(long capacity, Rate refill) {
    return Duration.ofNanos((long) Math.ceil(capacity * refill.nanosPerToken()));
  }
}
