package dev.tipflood.server.defence.throttle;

import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import dev.tipflood.server.defence.DecayedCounts;
import dev.tipflood.server.defence.NanoClock;

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

  private final AdaptiveConcurrencyThrottle.HeavySplit settings;
  private final DecayedCounts recent;

  HeavyClients(AdaptiveConcurrencyThrottle.HeavySplit settings, NanoClock clock) {
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

  long addresses() {
    return recent.size();
  }
}
