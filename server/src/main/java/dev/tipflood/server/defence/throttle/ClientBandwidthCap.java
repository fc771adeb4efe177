package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A per-client upload bandwidth: each client's media bytes spend a Bucket4j byte bucket, and a
 * client that outruns it has its body paused for exactly the time the bucket needs to hold the
 * next chunk (TCP back-pressure then slows the sender). Keys are held in a bounded Caffeine map.
 */
public final class ClientBandwidthCap implements Defence {

  /**
   * @param key device (when known from the metadata, else the address) or address
   * @param bytesPerSecond the client's rate
   * @param burst bytes at full speed before pacing starts; 0 means one second's worth
   * @param maxKeys clients tracked at most
   * @param idleAfter idle clients dropped after this; null means the full-refill time
   */
  public record Settings(ClientKey key, long bytesPerSecond, long burst, long maxKeys, Duration idleAfter) {
    public Settings {
      require(key == ClientKey.DEVICE || key == ClientKey.ADDRESS, "key", "must be device or address");
      require(bytesPerSecond >= 1, "rate", "must be at least 1B/s");
      burst = burst == 0 ? bytesPerSecond : burst;
      require(burst >= 1, "burst", "must be at least 1 byte");
      require(maxKeys >= 1, "maxKeys", "must be at least 1, got " + maxKeys);
      idleAfter = idleAfter == null ? Buckets.fullRefill(burst, Rate.perSecond(bytesPerSecond)) : idleAfter;
      require(!idleAfter.isNegative() && !idleAfter.isZero(), "idleAfter", "must be more than 0");
    }
  }

  private final KeyedBuckets buckets;
  private final ClientKey key;
  private final long burst;

  public ClientBandwidthCap(Settings settings, NanoClock clock) {
    this.key = settings.key();
    this.burst = settings.burst();
    this.buckets = new KeyedBuckets(settings.burst(), Rate.perSecond(settings.bytesPerSecond()), settings.maxKeys(),
        settings.idleAfter(), clock);
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.BODY);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    if (point != Point.BODY || bytes <= 0) {
      return Decision.admit();
    }
    return Buckets.pace(buckets.get(bodyKey(attempt)), bytes, burst);
  }

  private String bodyKey(Attempt a) {
    return key.bodyKey(a);
  }

  /** Clients tracked now. */
  public long liveKeys() {
    return buckets.size();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("keys", buckets.size());
  }
}
