package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.loadgen.plan.Backoff;
import dev.tipflood.loadgen.plan.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryDeciderTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-05-31T20:00:00Z"), ZoneOffset.UTC);
  private final SplittableRandom random = new SplittableRandom(7);

  private static RetryPolicy policy(int max, Backoff backoff, boolean honour) {
    return new RetryPolicy(max, Set.of(429, 503), true, false, backoff, honour);
  }

  @Test
  void retryStormRetriesAtOnceAndIgnoresRetryAfter() {
    RetryDecider d = new RetryDecider(policy(3, Backoff.NONE, false), CLOCK);
    assertThat(d.next(Outcome.status(503), 1, "120", random)).contains(Duration.ZERO);
    assertThat(d.next(Outcome.status(429), 3, "120", random)).contains(Duration.ZERO);
  }

  @Test
  void givesUpAfterMaxRetries() {
    RetryDecider d = new RetryDecider(policy(2, Backoff.NONE, false), CLOCK);
    assertThat(d.next(Outcome.status(503), 2, null, random)).isPresent();
    assertThat(d.next(Outcome.status(503), 3, null, random)).isEmpty();
  }

  @Test
  void doesNotRetrySuccessOrUnlistedOutcomes() {
    RetryDecider d = new RetryDecider(policy(3, Backoff.NONE, false), CLOCK);
    assertThat(d.next(Outcome.status(201), 1, null, random)).isEmpty();
    assertThat(d.next(Outcome.status(400), 1, null, random)).isEmpty();
    assertThat(d.next(Outcome.CONNECTION_ERROR, 1, null, random)).isEmpty();
    assertThat(d.next(Outcome.TIMEOUT, 1, null, random)).isPresent();
  }

  @Test
  void fixedBackoffWaitsTheSameEachTime() {
    RetryDecider d = new RetryDecider(policy(3, new Backoff(Backoff.Kind.FIXED, 250, 250, 0), false), CLOCK);
    assertThat(d.next(Outcome.status(503), 1, null, random)).contains(Duration.ofMillis(250));
    assertThat(d.next(Outcome.status(503), 3, null, random)).contains(Duration.ofMillis(250));
  }

  @Test
  void exponentialBackoffDoublesUpToItsCapWithoutJitter() {
    RetryDecider d = new RetryDecider(policy(10, new Backoff(Backoff.Kind.EXPONENTIAL, 100, 1000, 0), false), CLOCK);
    assertThat(d.backoff(1, random)).isEqualTo(Duration.ofMillis(100));
    assertThat(d.backoff(2, random)).isEqualTo(Duration.ofMillis(200));
    assertThat(d.backoff(4, random)).isEqualTo(Duration.ofMillis(800));
    assertThat(d.backoff(5, random)).isEqualTo(Duration.ofMillis(1000));
    assertThat(d.backoff(30, random)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void fullJitterStaysWithinZeroAndTheCeilingAndSpreads() {
    RetryDecider d = new RetryDecider(policy(10, new Backoff(Backoff.Kind.EXPONENTIAL, 100, 1000, 1.0), false), CLOCK);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 1000; i++) {
      long ms = d.backoff(3, random).toMillis();
      assertThat(ms).isBetween(0L, 400L);
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertThat(min).isLessThan(40);
    assertThat(max).isGreaterThan(360);
  }

  @Test
  void honouredRetryAfterInSecondsReplacesAShorterBackoff() {
    RetryDecider d = new RetryDecider(policy(3, new Backoff(Backoff.Kind.FIXED, 500, 500, 0), true), CLOCK);
    assertThat(d.next(Outcome.status(503), 1, "2", random)).contains(Duration.ofSeconds(2));
    assertThat(d.next(Outcome.status(503), 1, "0", random)).contains(Duration.ofMillis(500));
    assertThat(d.next(Outcome.status(503), 1, "soon", random)).contains(Duration.ofMillis(500));
  }

  @Test
  void honouredRetryAfterAsHttpDateIsReadAgainstTheClock() {
    RetryDecider d = new RetryDecider(policy(3, Backoff.NONE, true), CLOCK);
    assertThat(d.next(Outcome.status(429), 1, "Sun, 31 May 2020 20:00:05 GMT", random)).contains(Duration.ofSeconds(5));
    assertThat(d.next(Outcome.status(429), 1, "Sun, 31 May 2020 19:00:00 GMT", random)).contains(Duration.ZERO);
  }
}
