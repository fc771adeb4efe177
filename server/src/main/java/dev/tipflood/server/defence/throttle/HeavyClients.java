package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import dev.tipflood.server.defence.DecayedCounts;
import dev.tipflood.server.defence.NanoClock;
import java.time.Duration;

/**
 * Splits an adaptive limit between light and heavy clients, so that a flood from a few busy
 * addresses cannot take every slot from the many that send a tip now and then. An address is
 * heavy while its decayed count of requests that reached the limit (each adds 1; the count halves
 * every {@code halfLife}) is above {@code after}. Below the limit anyone may take a free slot;
 * at the limit, heavy clients get at most {@code share} of it and light clients the rest
 * (concurrency-limits' partitioned limiter: a partition under its share is admitted even then).
 * What a real service knows: the address and how often it came, nothing else.
 */
final class HeavyClients {
  static final String LIGHT = "light";
  static final String HEAVY = "heavy";

  /**
   * @param after an address is heavy while its decayed request count is above this
   * @param halfLife the count halves every this long
   * @param share the part of the limit heavy clients keep at the limit, strictly between 0 and 1
   * @param maxKeys addresses remembered (least recently used out)
   */
  record Settings(long after, Duration halfLife, double share, long maxKeys) {
    Settings {
      require(after >= 1, "heavyAfter", "must be at least 1 request, got " + after);
      require(halfLife != null && !halfLife.isNegative() && !halfLife.isZero(), "heavyHalfLife",
          "must be a positive duration, got " + halfLife);
      require(share > 0 && share < 1, "heavyShare", "must be a fraction strictly between 0 and 1, got " + share);
      require(maxKeys >= 1, "maxKeys", "must be at least 1, got " + maxKeys);
    }
  }

  private final Settings settings;
  private final DecayedCounts recent;

  HeavyClients(Settings settings, NanoClock clock) {
    this.settings = settings;
    this.recent = new DecayedCounts(clock, settings.halfLife(), settings.maxKeys());
  }

  /** Counts this request of {@code address} and says which partition it belongs to. */
  String partitionOf(String address) {
    return recent.add(address) > settings.after() ? HEAVY : LIGHT;
  }

  /** The two partitions, resolved from the context this class hands the limiter. */
  <B extends AbstractPartitionedLimiter.Builder<B, String>> B partitions(B builder) {
    return builder.partitionResolver(partition -> partition)
        .partition(LIGHT, 1 - settings.share())
        .partition(HEAVY, settings.share());
  }

  Settings settings() {
    return settings;
  }

  long addresses() {
    return recent.size();
  }
}
