package dev.tipflood.loadgen.sweep;

import dev.tipflood.reports.capacity.BreakingPoint;
import dev.tipflood.reports.capacity.CapacityPoint;
import java.util.List;

/**
 * One profile's search.
 *
 * @param profile the profile
 * @param steps   the finished steps, in the order they ran
 * @param stop    why the search stopped
 */
public record SearchOutcome(String profile, List<CapacityPoint> steps, Stop stop) {
  /** Why a search stopped. */
  public enum Stop {
    /** The bracket is as narrow as asked. */
    CONVERGED("bracket narrow enough"),
    /** The next step would not fit in the profile's share of the budget. */
    BUDGET("budget spent"),
    /** Held at the largest intensity allowed. */
    HELD_AT_MAX("held at the largest intensity allowed"),
    /** Broke at the smallest intensity allowed. */
    BROKE_AT_MIN("broke at the smallest intensity allowed"),
    /** The step limit was reached. */
    MAX_STEPS("step limit reached"),
    /** Ctrl-C. */
    INTERRUPTED("interrupted");

    private final String text;

    Stop(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public SearchOutcome {
    steps = List.copyOf(steps);
  }

  public BreakingPoint breakingPoint() {
    return BreakingPoint.of(steps);
  }
}
