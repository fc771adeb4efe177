package dev.tipflood.server.model.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * The storage resource of a profile, after {@code --scale} was applied.
 *
 * @param bandwidthBytesPerSecond aggregate write bandwidth shared by all concurrent uploads;
 *     {@link #UNLIMITED} for none
 * @param quotaBytes the most media bytes storage holds; beyond it uploads get 507;
 *     {@link #UNLIMITED} for none
 * @param tick how often bandwidth tokens are handed out; shorter is smoother and costs more timers
 */
public record StorageSpec(long bandwidthBytesPerSecond, long quotaBytes, Duration tick) {

  public static final long UNLIMITED = Long.MAX_VALUE;
  public static final Duration DEFAULT_TICK = Duration.ofMillis(20);

  public StorageSpec {
    if (bandwidthBytesPerSecond < 1) {
      throw new IllegalArgumentException(
          "storage.bandwidth must be > 0 bytes/s or 'unlimited', was " + bandwidthBytesPerSecond);
    }
    if (quotaBytes < 1) {
      throw new IllegalArgumentException(
          "storage.quota must be > 0 bytes or 'unlimited', was " + quotaBytes);
    }
    Objects.requireNonNull(tick, "storage.tick");
    if (tick.isNegative() || tick.isZero() || tick.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("storage.tick must be in (0, 1s], was " + tick);
    }
  }

  public static StorageSpec unlimited() {
    return new StorageSpec(UNLIMITED, UNLIMITED, DEFAULT_TICK);
  }

  public boolean bandwidthLimited() {
    return bandwidthBytesPerSecond != UNLIMITED;
  }
}
