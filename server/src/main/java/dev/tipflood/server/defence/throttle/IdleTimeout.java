package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ingress.idleTimeout} as a defence: a connection that moved no bytes either way for the
 * timeout is closed. Every connection is admitted at the connection point; the transport's idle
 * timer reports how long a connection has been silent, and {@link #idle} decides. A connection
 * the server itself holds paused (storage bandwidth) is silent too, so a deep overload also ends
 * here: that is why it is counted.
 */
public final class IdleTimeout extends TimedConnectionDefence {
  private final long timeoutNanos;

  public IdleTimeout(Duration timeout) {
    require(!timeout.isNegative() && !timeout.isZero(), "idleTimeout", "must be more than 0");
    this.timeoutNanos = timeout.toNanos();
  }

  /** Decides for a connection that has been silent both ways for {@code silentNanos}. */
  public Decision idle(long silentNanos) {
    if (silentNanos < timeoutNanos) {
      return Decision.admit();
    }
    return Decision.reject(Reason.IDLE_TIMEOUT, 0, "the connection moved no bytes either way for "
        + Duration.ofNanos(silentNanos).toMillis() + " ms (ingress.idleTimeout)");
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("timeoutMillis", timeoutNanos / 1_000_000);
  }
}
