package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.server.model.storage.StorageSpec;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * Where media lands. Both sizes are scaled by {@code --scale}.
 *
 * @param bandwidth aggregate write bandwidth shared fairly by concurrent uploads, e.g. {@code 40MB/s}
 * @param quota the most media bytes stored; a tip that would exceed it gets
 *     {@code 507 storage_quota_exceeded}
 * @param tick how often bandwidth tokens are handed out (10ms to 1s)
 */
public record StorageConfig(ByteRate bandwidth, ByteSize quota, Duration tick) {
  public StorageConfig {
    bandwidth = bandwidth == null ? ByteRate.UNLIMITED : bandwidth;
    quota = quota == null ? ByteSize.UNLIMITED : quota;
    tick = tick == null ? StorageSpec.DEFAULT_TICK : tick;
    require(quota.bytes() >= 1, "quota", "must be at least 1 byte or 'unlimited', got " + quota);
    require(tick.toMillis() >= 10 && tick.toMillis() <= 1000, "tick",
        "must be between 10ms and 1s, got " + Durations.format(tick));
  }

  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null);
  }

  public StorageConfig scaled(double factor) {
    return new StorageConfig(bandwidth.scaled(factor), quota.scaled(factor), tick);
  }

  public StorageSpec toSpec() {
    return new StorageSpec(bandwidth.bytesPerSecond(), quota.bytes(), tick);
  }
}
