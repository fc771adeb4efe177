package dev.tipflood.server.defence.throttle;

import static dev.tipflood.server.defence.InvalidSettingException.require;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ingress.maxConnections} as a defence: at most {@code max} admitted public connections.
 * A refused connection is answered {@code 503 too_many_connections} on its first request;
 * Retry-After is when the oldest admitted connection should close, from the mean connection
 * lifetime so far.
 */
public final class ConnectionCap implements Defence {
  private final int max;
  private final NanoClock clock;
  private final AtomicInteger open = new AtomicInteger();
  private final ServiceTimes lifetimes = new ServiceTimes();

  public ConnectionCap(int max, NanoClock clock) {
    require(max >= 1, "maxConnections", "must be at least 1, got " + max);
    this.max = max;
    this.clock = clock;
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.CONNECTION);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    if (point != Point.CONNECTION) {
      return Decision.admit();
    }
    long now = clock.nanoTime();
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return Decision.reject(Reason.TOO_MANY_CONNECTIONS, lifetimes.waitForSlot(now, 0, 1),
          "the server has " + max + " connections open (ingress.maxConnections)");
    }
    lifetimes.started(now);
    return Decision.admit(outcome -> {
      lifetimes.ended(now, clock.nanoTime(), true);
      open.decrementAndGet();
    });
  }

  /** Admitted connections open now. */
  public int admitted() {
    return open.get();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("open", open.get(), "max", max);
  }
}
