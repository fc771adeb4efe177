package dev.tipflood.server.defence;

import java.util.Set;

/**
 * One defence: a small policy that decides at the {@link #points() points} it declares. It reads
 * time only from its injected {@link NanoClock}, holds no framework types, and answers with a
 * {@link Decision} value. Implementations are thread-safe: the adapter calls them from every
 * event loop.
 *
 * <pre>{@code
 * Decision d = defence.decide(Point.HEADERS, attempt);
 * switch (d) {
 *   case Decision.Admit a -> { proceed(); onEnd(o -> a.release().done(o)); }
 *   case Decision.Reject r -> answer429or503(r.reason(), r.waitNanos());
 *   default -> ...
 * }
 * }</pre>
 */
public interface Defence {

  /** The points at which {@link #decide} is called; never empty. */
  Set<Point> points();

  /**
   * Decides for one request at one of its points. For {@link Point#BODY}, {@code bytes} is the
   * chunk size; elsewhere it is 0.
   */
  Decision decide(Point point, Attempt attempt, long bytes);

  /** Convenience for points that carry no byte count. */
  default Decision decide(Point point, Attempt attempt) {
    return decide(point, attempt, 0);
  }

  /** How often the adapter should call {@link #sweep()} (nanoseconds), 0 for never. */
  default long sweepEveryNanos() {
    return 0;
  }

  /** Periodic housekeeping that a request cannot trigger: expiring queued work past its deadline. */
  default void sweep() {}

  /** Figures for the admin listing: current limit, in flight, queued, live keys. Cheap; may be approximate. */
  default java.util.Map<String, Object> state() {
    return java.util.Map.of();
  }
}
