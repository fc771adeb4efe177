package dev.tipflood.reports.analysis;

import java.util.Objects;

/**
 * A moment of the run.
 *
 * @param second         seconds since the schedule's start
 * @param what           what happened
 * @param offeredPerSecond tips offered per second (all classes) in that second
 */
public record TimedEvent(double second, String what, double offeredPerSecond) {
  public TimedEvent {
    Objects.requireNonNull(what, "what");
  }
}
