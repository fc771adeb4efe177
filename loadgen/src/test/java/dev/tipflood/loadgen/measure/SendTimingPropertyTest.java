package dev.tipflood.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Corrected latency is never below raw, over random schedules, start lags, pause rounding, send
 * jitter (early and late) and service times from microseconds to seconds. Each request goes
 * through the path a virtual user takes: Gatling starts it at its start offset plus a lag, it
 * pauses {@link SendTiming#waitUntil} as Gatling does (to whole milliseconds, then a timer that
 * may fire late), the send itself is jittered either way, and the pair is measured by
 * {@link SendTiming#of}.
 */
class SendTimingPropertyTest {

  @Property(tries = 300)
  void correctedIsNeverBelowRawAndEarlySendsAreCounted(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 2000) int arrivals,
      @ForAll @IntRange(min = 1, max = 30) int seconds,
      @ForAll @LongRange(min = 0, max = 3_000_000) long maxStartLagNanos,
      @ForAll @LongRange(min = 0, max = 2_000_000) long maxSendJitterNanos,
      @ForAll @LongRange(min = 1_000, max = 2_000_000_000) long maxServiceNanos) {
    SplittableRandom random = new SplittableRandom(seed);
    long origin = random.nextLong(1L << 40);
    long[] arrivalNanos = random.longs(arrivals, 0, seconds * 1_000_000_000L).sorted().toArray();
    long early = 0;
    long counted = 0;
    for (long offset : arrivalNanos) {
      long intended = origin + offset;
      long started = intended - random.nextLong(1_000_000_000) + random.nextLong(maxStartLagNanos + 1);
      Duration pause = SendTiming.waitUntil(intended, started);
      long woke = started + pause.toMillis() * 1_000_000 + random.nextLong(200_000); // Gatling: whole ms
      long sent = woke + random.nextLong(-maxSendJitterNanos, maxSendJitterNanos + 1);
      long end = sent + random.nextLong(1, maxServiceNanos + 1);

      SendTiming t = SendTiming.of(intended, sent, end);

      assertThat(t.correctedMicros()).as("corrected vs raw").isGreaterThanOrEqualTo(t.rawMicros());
      assertThat(t.rawMicros()).isEqualTo((end - sent) / 1000);
      if (sent < intended) {
        early++;
        assertThat(t.correctedMicros()).isEqualTo(t.rawMicros());
        assertThat(t.earlyMicros()).isPositive();
      } else {
        assertThat(t.correctedMicros()).isEqualTo((end - intended) / 1000);
        assertThat(t.earlyMicros()).isZero();
      }
      if (t.early()) {
        counted++;
      }
    }
    assertThat(counted).as("early sends counted").isEqualTo(early);
  }

  @Property(tries = 500)
  void theWaitNeverEndsBeforeTheIntendedTimeAndOvershootsByLessThanOneMillisecond(
      @ForAll @LongRange(min = -(1L << 60), max = 1L << 60) long intended,
      @ForAll @LongRange(min = -5_000_000_000L, max = 5_000_000_000L) long untilIntended) {
    long now = intended - untilIntended;
    long wait = SendTiming.waitUntil(intended, now).toMillis() * 1_000_000; // as Gatling pauses
    assertThat(now + wait).isGreaterThanOrEqualTo(intended);
    assertThat(wait).isLessThan(Math.max(0, untilIntended) + 1_000_000);
  }

  @Test
  void aRequestThatLeftEarlyIsMeasuredFromWhenItLeft() {
    SendTiming t = SendTiming.of(10_000_000, 9_400_000, 10_300_000);
    assertThat(t.correctedMicros()).isEqualTo(900);
    assertThat(t.rawMicros()).isEqualTo(900);
    assertThat(t.earlyMicros()).isEqualTo(600);
  }

  @Test
  void aRequestThatLeftLateIsMeasuredFromItsIntendedTime() {
    SendTiming t = SendTiming.of(10_000_000, 12_000_000, 12_500_000);
    assertThat(t.correctedMicros()).isEqualTo(2500);
    assertThat(t.rawMicros()).isEqualTo(500);
    assertThat(t.early()).isFalse();
  }

  @Test
  void aTruncatedWaitWouldHaveSentEarly() {
    // The old wait, Duration.ofNanos(1.7 ms), is paused by Gatling as 1 ms: 0.7 ms early.
    assertThat(Duration.ofNanos(1_700_000).toMillis()).isEqualTo(1);
    assertThat(SendTiming.waitUntil(1_700_000, 0)).isEqualTo(Duration.ofMillis(2));
    assertThat(SendTiming.waitUntil(0, 5)).isEqualTo(Duration.ZERO);
    assertThat(SendTiming.waitUntil(1_000_000, 0)).isEqualTo(Duration.ofMillis(1));
  }
}
