package dev.tipflood.bench;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.throttle.AdaptiveConcurrencyThrottle;
import dev.tipflood.server.defence.throttle.ClientKey;
import dev.tipflood.server.defence.throttle.Rate;
import dev.tipflood.server.defence.throttle.TokenBucketThrottle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One admission decision as tipline+throttle makes it for a tip: the adaptive concurrency limit
 * at the headers (Gradient2), the per-device token bucket once the metadata is read, then the
 * limit's release when the tip is durable. {@code liveKeys} devices are held in the bucket map
 * (1, or 100k: a flood of distinct phones); each operation is the next device in turn, so at
 * 100k every lookup misses the CPU caches as a flood's would. The buckets never run dry and the
 * limit never binds: this is the admit path every legit tip takes. {@code heavySplit} {@code on}
 * splits the limit between light and heavy addresses (heavyAfter 6), which counts every request's
 * address in a decayed map of its own: the cost that split adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdmissionBenchmark {
  @Param({"1", "100000"})
  public int liveKeys;

  @Param({"off", "on"})
  public String heavySplit;

  private TokenBucketThrottle perDevice;
  private AdaptiveConcurrencyThrottle adaptive;
  private Attempt[] attempts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    perDevice = new TokenBucketThrottle(new TokenBucketThrottle.Settings(ClientKey.DEVICE, 1_000_000_000L,
        new Rate(1_000_000_000L, Duration.ofSeconds(1)), 200_000, Duration.ofHours(1)), System::nanoTime);
    adaptive = new AdaptiveConcurrencyThrottle(new AdaptiveConcurrencyThrottle.Settings(
        AdaptiveConcurrencyThrottle.Algorithm.GRADIENT2, 1000, 100, 10_000, "on".equals(heavySplit)
            ? new AdaptiveConcurrencyThrottle.HeavySplit(6, Duration.ofMinutes(5), 0.25, 200_000) : null),
        System::nanoTime);
    attempts = new Attempt[liveKeys];
    for (int i = 0; i < liveKeys; i++) {
      attempts[i] = new Attempt("10.0." + (i >> 8) + "." + (i & 255), 50_000, 0);
      attempts[i].deviceId("fans-d" + i);
      perDevice.decide(Point.METADATA, attempts[i]);
    }
    if (perDevice.liveKeys() != liveKeys) {
      throw new IllegalStateException("expected " + liveKeys + " live keys, have " + perDevice.liveKeys());
    }
  }

  @Benchmark
  public Decision admitOneTip() {
    Attempt a = attempts[next];
    next = next + 1 == attempts.length ? 0 : next + 1;
    Decision limit = adaptive.decide(Point.HEADERS, a);
    Decision bucket = perDevice.decide(Point.METADATA, a);
    if (limit instanceof Decision.Admit admit) {
      admit.release().done(Outcome.DURABLE);
    }
    return bucket;
  }

  /** The per-device bucket alone: Caffeine lookup plus Bucket4j's consume. */
  @Benchmark
  public Decision bucketOnly() {
    Attempt a = attempts[next];
    next = next + 1 == attempts.length ? 0 : next + 1;
    return perDevice.decide(Point.METADATA, a);
  }

  /** The adaptive limit alone: acquire at the headers and release as durable (addresses in turn). */
  @Benchmark
  public Decision limiterOnly() {
    Attempt a = attempts[next];
    next = next + 1 == attempts.length ? 0 : next + 1;
    Decision limit = adaptive.decide(Point.HEADERS, a);
    if (limit instanceof Decision.Admit admit) {
      admit.release().done(Outcome.DURABLE);
    }
    return limit;
  }
}
