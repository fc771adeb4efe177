package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ingress.headerTimeout} as a defence: a request head must arrive complete within the
 * timeout of the moment the server started waiting for it (the connection's accept, or the first
 * byte of the next request on a keep-alive connection). Unlike the idle timeout, bytes trickling
 * in do not reset it, so a client that sends its headers a byte a second (header-phase
 * slowloris) is shed. The transport keeps the deadline; {@link #late} decides.
 */
public final class HeaderTimeout extends TimedConnectionDefence {
  private final long timeoutNanos;

  public HeaderTimeout(Duration timeout) {
    require(!timeout.isNegative() && !timeout.isZero(), "headerTimeout", "must be more than 0");
    this.timeoutNanos = timeout.toNanos();
  }

  /** The deadline, in nanoseconds from the start of the wait. */
  public long timeoutNanos() {
    return timeoutNanos;
  }

  /**
   * Decides for a connection that has waited {@code waitedNanos} for a complete request head,
   * having received {@code bytes} of it so far.
   */
  public Decision late(long waitedNanos, long bytes) {
    if (waitedNanos < timeoutNanos) {
      return Decision.admit();
    }
    return Decision.reject(Reason.HEADER_TIMEOUT, 0, "no complete request head within "
        + Duration.ofNanos(waitedNanos).toMillis() + " ms (ingress.headerTimeout); " + bytes + " bytes of it arrived");
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("timeoutMillis", timeoutNanos / 1_000_000);
  }
}
