package dev.tipflood.server.defence.throttle;

import java.time.Duration;

/**
 * A count per period, written {@code 5/10m}, {@code 50/s} or {@code 120/m}: the refill of a token
 * bucket.
 *
 * @param count tokens added per period, at least 1
 * @param period the period, at least 1ms
 */
public record Rate(long count, Duration period) {
  public static final String ALLOWED = "a rate like 50/s, 120/m or 5/10m (a whole count per duration)";

  public Rate {
    if (count < 1 || period.toMillis() < 1) {
      throw new IllegalArgumentException("a rate needs a count of at least 1 per at least 1ms, got " + count + "/"
          + period);
    }
  }

  public static Rate perSecond(long n) {
    return new Rate(n, Duration.ofSeconds(1));
  }

  /** Nanoseconds for one token to come back. */
  public double nanosPerToken() {
    return (double) period.toNanos() / count;
  }

  /** Parses {@code <count>/<duration>}; a bare unit means one of it ({@code /s}, {@code /m}, {@code /h}). */
  public static Rate parse(String text, java.util.function.Function<String, Duration> durations) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 1) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
    try {
      long n = Long.parseLong(t.substring(0, slash));
      String p = t.substring(slash + 1);
      Duration d = p.matches("[smh]") ? durations.apply("1" + p) : durations.apply(p);
      return new Rate(n, d);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED, e);
    }
  }

  @Override
  public String toString() {
    long s = period.toSeconds();
    String p = period.toMillis() % 1000 != 0 ? period.toMillis() + "ms"
        : s == 1 ? "s" : s == 60 ? "m" : s == 3600 ? "h" : s % 60 == 0 ? (s / 60) + "m" : s + "s";
    return count + "/" + p;
  }
}
