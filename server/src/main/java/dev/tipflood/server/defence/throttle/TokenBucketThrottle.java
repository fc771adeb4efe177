package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A token bucket per client (Bucket4j): {@code capacity} tips at once, refilled at {@code refill}.
 * Keyed by device id, client address or both. Retry-After is Bucket4j's own wait for the next token.
 */
public final class TokenBucketThrottle implements Defence {

  /**
   * @param key what identifies a client
   * @param capacity the burst: tips a fresh client may send at once
   * @param refill how fast tokens come back
   * @param maxKeys clients tracked at most (least recently seen evicted first)
   * @param idleAfter an idle client's bucket is dropped after this; null means the full-refill time
   */
  public record Settings(ClientKey key, long capacity, Rate refill, long maxKeys, Duration idleAfter) {
    public Settings {
      require(key != null, "key", "is required: " + ClientKey.ALLOWED);
      require(capacity >= 1, "capacity", "must be at least 1, got " + capacity);
      require(refill != null, "refill", "is required: " + Rate.ALLOWED);
      require(maxKeys >= 1, "maxKeys", "must be at least 1, got " + maxKeys);
      idleAfter = idleAfter == null ? Buckets.fullRefill(capacity, refill) : idleAfter;
      require(!idleAfter.isNegative() && !idleAfter.isZero(), "idleAfter", "must be more than 0");
    }
  }

  private final Settings settings;
  private final KeyedBuckets buckets;

  public TokenBucketThrottle(Settings settings, NanoClock clock) {
    this.settings = settings;
    this.buckets = new KeyedBuckets(settings.capacity(), settings.refill(), settings.maxKeys(), settings.idleAfter(),
        clock);
  }

  @Override
  public Set<Point> points() {
    return settings.key().points();
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    String key = settings.key().keyAt(point, attempt);
    if (key == null) {
      return Decision.admit();
    }
    ConsumptionProbe probe = buckets.get(key).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Decision.admit();
    }
    return Decision.reject(Reason.RATE_LIMITED, probe.getNanosToWaitForRefill(),
        ClientKey.describe(key, attempt)
            + " may send " + settings.capacity() + " tips at once, refilled at " + settings.refill());
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("keys", buckets.size());
  }

  /** Clients tracked now. */
  public long liveKeys() {
    return buckets.size();
  }
}
