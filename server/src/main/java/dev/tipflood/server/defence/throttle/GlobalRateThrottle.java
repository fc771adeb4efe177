package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One rate for the whole service, in tips per second and (optionally) bytes per second, both
 * Bucket4j buckets. Tips are counted from the headers. Bytes are checked from the headers too
 * (a request is refused while the byte budget is spent) and spent during the body: a body
 * that outruns the budget is paused, not cut.
 */
public final class GlobalRateThrottle implements Defence {

  /**
   * @param rate tips per period
   * @param burst tips at once
   * @param bytesPerSecond media bytes per second; 0 for no byte limit
   * @param bytesBurst bytes at once; 0 means one second of {@code bytesPerSecond}
   */
  public record Settings(Rate rate, long burst, long bytesPerSecond, long bytesBurst) {
    public Settings {
      require(rate != null, "rate", "is required: " + Rate.ALLOWED);
      burst = burst == 0 ? Math.max(1, rate.count()) : burst;
      require(burst >= 1, "burst", "must be at least 1, got " + burst);
      require(bytesPerSecond >= 0, "bytes", "must not be negative");
      bytesBurst = bytesBurst == 0 ? bytesPerSecond : bytesBurst;
      require(bytesBurst >= 0, "bytesBurst", "must not be negative");
    }
  }

  private final Settings settings;
  private final Bucket tips;
  private final Bucket bytes;

  public GlobalRateThrottle(Settings settings, NanoClock clock) {
    this.settings = settings;
    TimeMeter meter = Buckets.meter(clock);
    this.tips = Buckets.of(settings.burst(), settings.rate(), meter);
    this.bytes = settings.bytesPerSecond() == 0 ? null
        : Buckets.of(settings.bytesBurst(), Rate.perSecond(settings.bytesPerSecond()), meter);
  }

  @Override
  public Set<Point> points() {
    return bytes == null ? EnumSet.of(Point.HEADERS) : EnumSet.of(Point.HEADERS, Point.BODY);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long n) {
    if (point == Point.BODY) {
      if (bytes == null) {
        return Decision.admit();
      }
      return Buckets.pace(bytes, n, settings.bytesBurst());
    }
    if (point != Point.HEADERS) {
      return Decision.admit();
    }
    if (bytes != null) {
      // The body's declared size (capped at the burst) must fit now; a chunked body only needs a byte.
      long need = attempt.declaredBytes() > 0 ? Math.min(attempt.declaredBytes(), settings.bytesBurst()) : 1;
      EstimationProbe fits = bytes.estimateAbilityToConsume(need);
      if (!fits.canBeConsumed()) {
        return Decision.reject(Reason.RATE_LIMITED, fits.getNanosToWaitForRefill(),
            "the service takes " + settings.bytesPerSecond() + " media bytes per second in all, and that budget is spent");
      }
    }
    ConsumptionProbe probe = tips.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Decision.admit();
    }
    return Decision.reject(Reason.RATE_LIMITED, probe.getNanosToWaitForRefill(),
        "the service takes " + settings.rate() + " tips in all (burst " + settings.burst() + ")");
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("tipTokens", tips.getAvailableTokens(), "byteTokens", bytes == null ? -1 : bytes.getAvailableTokens());
  }
}
