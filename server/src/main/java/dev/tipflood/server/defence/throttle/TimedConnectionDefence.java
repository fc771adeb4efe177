package dev.tipflood.server.defence.throttle;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.Point;
import java.util.EnumSet;
import java.util.Set;

/**
 * A defence that admits every connection as it opens and judges it later, when a timer the
 * transport keeps for it fires (the idle and header timeouts).
 */
abstract class TimedConnectionDefence implements Defence {
  @Override
  public final Set<Point> points() {
    return EnumSet.of(Point.CONNECTION);
  }

  /** Admitted: the timer's decision comes later. */
  @Override
  public final Decision decide(Point point, Attempt attempt, long bytes) {
    return Decision.admit();
  }
}
