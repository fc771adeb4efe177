package dev.tipflood.server.defence.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.Point;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Negative control for the contract's memory measurement: the same million clients through a
 * bucket map that is effectively unbounded (2M keys, 1h idle) must retain far more than the
 * contract's bound, so the bound is one the measurement can fail.
 */
class MemoryMeasurementControlTest {
  @Test
  void anUnboundedKeyMapFailsTheContractsBound() {
    long before = ThrottleContractTest.usedHeapAfterGc();
    ManualClock clock = new ManualClock();
    TokenBucketThrottle unbounded = new TokenBucketThrottle(new TokenBucketThrottle.Settings(ClientKey.ADDRESS, 5,
        new Rate(1, Duration.ofSeconds(10)), 2_000_000, Duration.ofHours(1)), clock);
    for (int i = 0; i < 1_000_000; i++) {
      unbounded.decide(Point.HEADERS, new Attempt("10.0." + i, 4096, clock.nanoTime()));
      clock.advance(1_000);
    }
    long retained = ThrottleContractTest.usedHeapAfterGc() - before;
    System.out.printf(Locale.ROOT, "memory under 1M distinct keys: unbounded control retains %.1f MB, %d live keys%n",
        retained / 1048576.0, unbounded.liveKeys());
    assertThat(unbounded.liveKeys()).isEqualTo(1_000_000);
    assertThat(retained).isGreaterThan(48L << 20);
  }
}
