package dev.tipflood.server.defence.triage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tipflood.server.defence.NanoClock;
import java.time.Duration;

/**
 * A decayed count of junk verdicts per client key (a device id, an address): each verdict adds
 * 1, and the count halves every {@code halfLife}, so a phone that sent junk an hour ago is not
 * held to it forever, and an address shared by a NAT recovers. Held in a bounded map (Caffeine,
 * least recently used out), so rotating identities cannot grow it. Thread-safe.
 */
public final class ClientReputation {
  private record Score(double value, long atNanos) {}

  private final Cache<String, Score> scores;
  private final NanoClock clock;
  private final double halfLifeNanos;

  public ClientReputation(NanoClock clock, Duration halfLife, long maxKeys) {
    this.clock = clock;
    this.halfLifeNanos = halfLife.toNanos();
    this.scores = Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run).build();
  }

  /** A reviewer judged one of {@code key}'s tips junk. */
  public void junk(String key) {
    long now = clock.nanoTime();
    scores.asMap().merge(key, new Score(1, now), (old, one) -> new Score(decayed(old, now) + 1, now));
  }

  /** The decayed junk count of {@code key} now; 0 for a key never judged (or evicted). */
  public double junkCount(String key) {
    Score s = scores.getIfPresent(key);
    return s == null ? 0 : decayed(s, clock.nanoTime());
  }

  private double decayed(Score s, long now) {
    return s.value() * Math.pow(0.5, Math.max(0, now - s.atNanos()) / halfLifeNanos);
  }

  public long size() {
    return scores.estimatedSize();
  }
}
