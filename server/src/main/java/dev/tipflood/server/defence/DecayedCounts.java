package dev.tipflood.server.defence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * A count per key that halves every {@code halfLife}: each event adds 1, so the count is a
 * recent rate (a steady {@code r} events per second reads {@code r * halfLife / ln 2}), and a key
 * quiet for a few half-lives is back near 0. Held in a bounded map (Caffeine, least recently used
 * out), so rotating keys cannot grow it. Thread-safe.
 *
 * <pre>{@code
 * DecayedCounts recent = new DecayedCounts(clock, Duration.ofMinutes(5), 100_000);
 * double now = recent.add("10.0.0.7");   // this event included
 * }</pre>
 */
public final class DecayedCounts {
  private record Count(double value, long atNanos) {}

  private final Cache<String, Count> counts;
  private final NanoClock clock;
  private final double halfLifeNanos;

  public DecayedCounts(NanoClock clock, Duration halfLife, long maxKeys) {
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be positive, got " + halfLife);
    }
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
    }
    this.clock = clock;
    this.halfLifeNanos = halfLife.toNanos();
    this.counts = Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run).build();
  }

  /** Counts one event of {@code key}; returns its count now, this event included. */
  public double add(String key) {
    long now = clock.nanoTime();
    return counts.asMap().merge(key, new Count(1, now), (old, one) -> new Count(decayed(old, now) + 1, now)).value();
  }

  /** The decayed count of {@code key} now; 0 for a key never counted (or evicted). */
  public double count(String key) {
    Count c = counts.getIfPresent(key);
    return c == null ? 0 : decayed(c, clock.nanoTime());
  }

  private double decayed(Count c, long now) {
    return c.value() * Math.pow(0.5, Math.max(0, now - c.atNanos()) / halfLifeNanos);
  }

  /** Keys held now (approximate). */
  public long size() {
    return counts.estimatedSize();
  }
}
