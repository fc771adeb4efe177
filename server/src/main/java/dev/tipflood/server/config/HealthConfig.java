package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * Thresholds of the readiness checks on {@code /ready}. They are the same kind of figure for
 * every profile and do not depend on {@code --scale}: fractions of the heap or of wall time, and
 * durations.
 *
 * @param heapAfterGc not ready when the heap still in use after the most recent garbage
 *     collection exceeds this fraction of the maximum heap (0 &lt; f &lt;= 1); default 0.9
 * @param gcOverhead not ready when the share of wall time spent in garbage collection over
 *     {@code window} exceeds this fraction (0 &lt; f &lt;= 1); default 0.3
 * @param window the sliding window of {@code gcOverhead}, and how long a lag spike of {@code eventLoopLag}
 *     is remembered, 1s to 5m; default 5s
 * @param eventLoopLag not ready when an event loop runs a timer this much later than asked, or
 *     has a timer overdue by this much; at least 10ms; default 1s
 * @param probeInterval how often the lag timer fires on each event loop and the GC signals are
 *     sampled, 10ms to 1s, not above {@code eventLoopLag}; default 100ms
 */
public record HealthConfig(Double heapAfterGc, Double gcOverhead, Duration window, Duration eventLoopLag,
    Duration probeInterval) {

  public HealthConfig {
    heapAfterGc = heapAfterGc == null ? 0.9 : heapAfterGc;
    require(heapAfterGc > 0 && heapAfterGc <= 1, "heapAfterGc",
        "must be a fraction of the maximum heap, > 0 and <= 1, got " + heapAfterGc);
    gcOverhead = gcOverhead == null ? 0.3 : gcOverhead;
    require(gcOverhead > 0 && gcOverhead <= 1, "gcOverhead",
        "must be a fraction of wall time, > 0 and <= 1, got " + gcOverhead);
    window = window == null ? Duration.ofSeconds(5) : window;
    require(window.toMillis() >= 1000 && window.compareTo(Duration.ofMinutes(5)) <= 0,
        "window", "must be between 1s and 5m, got " + Durations.format(window));
    eventLoopLag = eventLoopLag == null ? Duration.ofSeconds(1) : eventLoopLag;
    require(eventLoopLag.toMillis() >= 10, "eventLoopLag", "must be at least 10ms, got " + Durations.format(eventLoopLag));
    probeInterval = probeInterval == null ? Duration.ofMillis(100) : probeInterval;
    require(probeInterval.toMillis() >= 10 && probeInterval.toMillis() <= 1000, "probeInterval",
        "must be between 10ms and 1s, got " + Durations.format(probeInterval));
    require(probeInterval.compareTo(eventLoopLag) <= 0, "probeInterval",
        "must not exceed eventLoopLag (" + Durations.format(eventLoopLag) + "), got " + Durations.format(probeInterval));
  }

  public static HealthConfig defaults() {
    return new HealthConfig(null, null, null, null, null);
  }
}
