package dev.tipflood.loadgen.client;

import dev.tipflood.loadgen.plan.Backoff;
import dev.tipflood.loadgen.plan.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides whether a finished attempt is retried, and after what wait.
 *
 * <pre>{@code
 * RetryDecider d = new RetryDecider(policy, Clock.systemUTC());
 * Optional<Duration> wait = d.next(outcome, attempt, retryAfterHeader, random);
 * }</pre>
 * The clock only serves to read {@code Retry-After} given as an HTTP date.
 */
public final class RetryDecider {
  private final RetryPolicy policy;
  private final Clock clock;

  public RetryDecider(RetryPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * @param outcome     how the attempt ended
   * @param attempt     the attempt that just ended, 1 for the first
   * @param retryAfter  the response's {@code Retry-After} value, or null
   * @param random      the client's random source, for jitter
   * @return the wait before the next attempt, or empty when the client gives up or succeeded
   */
  public Optional<Duration> next(Outcome outcome, int attempt, String retryAfter, RandomGenerator random) {
    if (attempt > policy.maxRetries() || !retryable(outcome)) {
      return Optional.empty();
    }
    Duration wait = backoff(attempt, random);
    if (policy.honourRetryAfter()) {
      Duration server = parseRetryAfter(retryAfter);
      if (server.compareTo(wait) > 0) {
        wait = server;
      }
    }
    return Optional.of(wait);
  }

  boolean retryable(Outcome outcome) {
    return switch (outcome.kind()) {
      case STATUS -> policy.statuses().contains(outcome.status());
      case TIMEOUT -> policy.onTimeout();
      case CONNECTION_ERROR -> policy.onConnectionError();
    };
  }

  /** Backoff before retry number {@code retry} (1-based). */
  Duration backoff(int retry, RandomGenerator random) {
    Backoff b = policy.backoff();
    return switch (b.kind()) {
      case NONE -> Duration.ZERO;
      case FIXED -> Duration.ofMillis(b.baseMillis());
      case EXPONENTIAL -> {
        // min(cap, base * 2^(retry-1)), less a random share up to `jitter` of it.
        double ceiling = Math.min(b.maxMillis(), b.baseMillis() * Math.pow(2, Math.max(0, retry - 1)));
        yield Duration.ofMillis(Math.round(ceiling * (1 - b.jitter() * random.nextDouble())));
      }
    };
  }

  /** Delta-seconds or an HTTP date; anything unreadable counts as no advice. */
  Duration parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return Duration.ZERO;
      }
    }
  }
}
