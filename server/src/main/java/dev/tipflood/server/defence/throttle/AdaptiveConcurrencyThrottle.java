package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
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

/**
 * An adaptive concurrency limit (Netflix concurrency-limits), measured on each tip's time from
 * its headers to durability: Gradient2, Vegas or AIMD. A durable tip is a latency sample, a
 * server failure a drop, a client error is ignored. Retry-After is when the oldest tip in
 * flight should be durable, from the mean time to durability.
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
   */
  public record Settings(Algorithm algorithm, int initialLimit, int minLimit, int maxLimit) {
    public Settings {
      require(algorithm != null, "algorithm", "is required: " + Algorithm.ALLOWED);
      require(minLimit >= 1, "minLimit", "must be at least 1, got " + minLimit);
      require(initialLimit >= minLimit, "initialLimit", "must be at least minLimit (" + minLimit + "), got " + initialLimit);
      require(maxLimit >= initialLimit, "maxLimit", "must be at least initialLimit (" + initialLimit + "), got " + maxLimit);
    }
  }

  private final Settings settings;
  private final NanoClock clock;
  private final SimpleLimiter<Void> limiter;
  private final ServiceTimes times = new ServiceTimes();

  public AdaptiveConcurrencyThrottle(Settings settings, NanoClock clock) {
    this.settings = settings;
    this.clock = clock;
    this.limiter = SimpleLimiter.newBuilder().limit(limit(settings)).nanoClock(clock::nanoTime).build();
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
    Optional<Limiter.Listener> slot = limiter.acquire(null);
    if (slot.isEmpty()) {
      return Decision.reject(Reason.CONCURRENCY_LIMITED, times.waitForSlot(now, 0, limiter.getLimit()),
          "the service takes " + limiter.getLimit() + " tips at once now (" + settings.algorithm().name()
              .toLowerCase(Locale.ROOT) + " adaptive limit)");
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
    return Map.of("limit", limiter.getLimit(), "inFlight", limiter.getInflight(),
        "meanMillis", times.meanNanos() / 1_000_000);
  }
}
