package dev.tipflood.loadgen.measure;

import java.time.Duration;

/**
 * The two latencies of one request, and how long to wait before sending it. Pure arithmetic on
 * {@code nanoTime} values, so the rule can be checked without a clock.
 *
 * <p>A request is measured from its <em>intended</em> send (corrected: free of coordinated
 * omission) and from its actual send (raw). If it left before its intended time (a timer that
 * fires a little early, a rounding), it is measured from when it actually left: the corrected
 * start is {@code min(intended, sent)}, so corrected is never below raw, by construction, and
 * the early departure is reported ({@link #earlyMicros}) instead of hidden.
 *
 * <pre>{@code
 * Duration wait = SendTiming.waitUntil(intendedNanos, now);   // then send
 * SendTiming t = SendTiming.of(intendedNanos, sentNanos, endNanos);
 * recorder.record(key, t.correctedMicros(), t.rawMicros());
 * }</pre>
 *
 * @param correctedMicros from {@code min(intended, sent)} to the end
 * @param rawMicros       from the actual send to the end
 * @param earlyMicros     how long before its intended time the request left, rounded up; 0 if on time
 *                        or late
 */
public record SendTiming(long correctedMicros, long rawMicros, long earlyMicros) {

  public static SendTiming of(long intendedNanos, long sentNanos, long endNanos) {
    long start = Math.min(intendedNanos, sentNanos);
    return new SendTiming((endNanos - start) / 1000, (endNanos - sentNanos) / 1000,
        (Math.max(0, intendedNanos - sentNanos) + 999) / 1000);
  }

  /** How long after its intended time the request left: {@code corrected - raw}, 0 if early. */
  public long lateMicros() {
    return correctedMicros - rawMicros;
  }

  /** Whether the request left before its intended time. */
  public boolean early() {
    return earlyMicros > 0;
  }

  /**
   * How long to wait at {@code nowNanos} so as to send no earlier than {@code intendedNanos}:
   * rounded <em>up</em> to whole milliseconds, because Gatling's pause truncates a duration to
   * milliseconds and a truncated wait would send up to 1 ms early.
   */
  public static Duration waitUntil(long intendedNanos, long nowNanos) {
    long wait = intendedNanos - nowNanos;
    return wait <= 0 ? Duration.ZERO : Duration.ofMillis((wait + 999_999) / 1_000_000);
  }
}
