package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import java.time.Duration;

/**
 * Test-only knobs.
 *
 * @param fixedResponseDelay the tip POST answers this much later than it could, scheduled on a
 *     timer (never blocking); lets tests and the measurement plane see a known latency. 0 = none.
 */
public record DebugConfig(Duration fixedResponseDelay) {
  public DebugConfig {
    fixedResponseDelay = fixedResponseDelay == null ? Duration.ZERO : fixedResponseDelay;
    require(!fixedResponseDelay.isNegative() && fixedResponseDelay.compareTo(Duration.ofMinutes(10)) <= 0,
        "fixedResponseDelay", "must be between 0 and 10m, got " + fixedResponseDelay);
  }

  public static DebugConfig defaults() {
    return new DebugConfig(null);
  }
}
