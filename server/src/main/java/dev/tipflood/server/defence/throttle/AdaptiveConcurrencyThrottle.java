package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An adaptive concurrency limit (Netflix concurrency-limits), measured on each tip's time from
 * its headers to durability: Gradient2, Vegas or AIMD. A durable tip is a latency sample, a
 * server failure a drop, a client error is ignored. Retry-After is when the oldest tip in
 * flight should be durable, from the mean time to durability. Optionally the limit is split
 * between light and heavy clients ({@link HeavyClients}), so that a few busy addresses cannot
 * take every slot from citizens who send one tip.
 */
public final class AdaptiveConcurrencyThrottle implements Defence {

  /** The limit algorithm. */
  public enum Algorithm {
    GRADIENT2, VEGAS, AIMD;

    public static final String ALLOWED = "gradient2, vegas or aimd";

    public static Algorithm parse(String text) {
      for (Algorithm a : values()) {
        if (a.name().toLowerCase(Locale.ROOT).equals(text)) {
          return a;
        }
      }
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
  }

  /**
   * @param algorithm the limit algorithm
   * @param initialLimit concurrent tips allowed before any sample
   * @param minLimit the limit never drops below this
   * @param maxLimit the limit never grows above this
   * @param heavy how the limit is split between light and heavy clients; null for no split
   */
  public record Settings(Algorithm algorithm, int initialLimit, int minLimit, int maxLimit, HeavySplit heavy) {
    public Settings {
      require(algorithm != null, "algorithm", "is required: " + Algorithm.ALLOWED);
      require(minLimit >= 1, "minLimit", "must be at least 1, got " + minLimit);
      require(initialLimit >= minLimit, "initialLimit", "must be at least minLimit (" + minLimit + "), got " + initialLimit);
      require(maxLimit >= initialLimit, "maxLimit", "must be at least initialLimit (" + initialLimit + "), got " + maxLimit);
    }

    /** No split between light and heavy clients. */
    public Settings(Algorithm algorithm, int initialLimit, int minLimit, int maxLimit) {
      this(algorithm, initialLimit, minLimit, maxLimit, null);
    }
  }

  /**
   * The light/heavy split ({@link HeavyClients}).
   *
   * @param after an address is heavy while its decayed count of requests that reached the limit is above this
   * @param halfLife the count halves every this long
   * @param share the part of the limit heavy clients keep at the limit, strictly between 0 and 1
   * @param maxKeys addresses remembered (least recently used out)
   */
  public record HeavySplit(long after, java.time.Duration halfLife, double share, long maxKeys) {
    public HeavySplit {
      require(after >= 1, "heavyAfter", "must be at least 1 request, got " + after);
      require(halfLife != null && !halfLife.isNegative() && !halfLife.isZero(), "heavyHalfLife",
          "must be a positive duration, got " + halfLife);
      require(share > 0 && share < 1, "heavyShare", "must be a fraction strictly between 0 and 1, got " + share);
      require(maxKeys >= 1, "maxKeys", "must be at least 1, got " + maxKeys);
    }
  }

  private final Settings settings;
  private final NanoClock clock;
  private final AbstractLimiter<String> limiter;
  private final HeavyClients heavy;
  private final AtomicLong refusedLight = new AtomicLong();
  private final AtomicLong refusedHeavy = new AtomicLong();
  private final ServiceTimes times = new ServiceTimes();

  public AdaptiveConcurrencyThrottle(Settings settings, NanoClock clock) {
    this.settings = settings;
    this.clock = clock;
    HeavySplit split = settings.heavy();
    if (split == null) {
      this.heavy = null;
      this.limiter = (AbstractLimiter<String>) SimpleLimiter.newBuilder().limit(limit(settings))
          .nanoClock(clock::nanoTime).<String>build();
    } else {
      this.heavy = new HeavyClients(split, clock);
      this.limiter = (AbstractLimiter<String>) heavy.partitions(new PartitionedBuilder()).limit(limit(settings))
          .nanoClock(clock::nanoTime).build();
    }
  }

  /** concurrency-limits' partitioned limiter has no concrete builder of its own. */
  private static final class PartitionedBuilder extends AbstractPartitionedLimiter.Builder<PartitionedBuilder, String> {
    @Override
    protected PartitionedBuilder self() {
      return this;
    }
  }

  private static Limit limit(Settings s) {
    return switch (s.algorithm()) {
      case GRADIENT2 -> Gradient2Limit.newBuilder().initialLimit(s.initialLimit()).minLimit(s.minLimit())
          .maxConcurrency(s.maxLimit()).build();
      case VEGAS -> VegasLimit.newBuilder().initialLimit(s.initialLimit()).maxConcurrency(s.maxLimit()).build();
      case AIMD -> AIMDLimit.newBuilder().initialLimit(s.initialLimit()).minLimit(s.minLimit())
          .maxLimit(s.maxLimit()).build();
    };
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.HEADERS);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    if (point != Point.HEADERS) {
      return Decision.admit();
    }
    long now = clock.nanoTime();
    String partition = heavy == null ? null : heavy.partitionOf(attempt.address());
    Optional<Limiter.Listener> slot = limiter.acquire(partition);
    if (slot.isEmpty()) {
      String why = "the service takes " + limiter.getLimit() + " tips at once now (" + settings.algorithm().name()
          .toLowerCase(Locale.ROOT) + " adaptive limit)";
      if (HeavyClients.HEAVY.equals(partition)) {
        refusedHeavy.incrementAndGet();
        why += ", of which clients sending as many requests as this address get " + Math.round(
            settings.heavy().share() * 100) + "%";
      } else if (partition != null) {
        refusedLight.incrementAndGet();
      }
      return Decision.reject(Reason.CONCURRENCY_LIMITED, times.waitForSlot(now, 0, limiter.getLimit()), why);
    }
    Limiter.Listener listener = slot.get();
    times.started(now);
    return Decision.admit(outcome -> {
      long end = clock.nanoTime();
      times.ended(now, end, outcome == Outcome.DURABLE);
      switch (outcome) {
        case DURABLE -> listener.onSuccess();
        case DROPPED -> listener.onDropped();
        case IGNORED -> listener.onIgnore();
      }
    });
  }

  /** The limit now. */
  public int limit() {
    return limiter.getLimit();
  }

  @Override
  public Map<String, Object> state() {
    if (heavy == null) {
      return Map.of("limit", limiter.getLimit(), "inFlight", limiter.getInflight(),
          "meanMillis", times.meanNanos() / 1_000_000);
    }
    return Map.of("limit", limiter.getLimit(), "inFlight", limiter.getInflight(),
        "meanMillis", times.meanNanos() / 1_000_000, "addresses", heavy.addresses(),
        "refusedLight", refusedLight.get(), "refusedHeavy", refusedHeavy.get());
  }
}
