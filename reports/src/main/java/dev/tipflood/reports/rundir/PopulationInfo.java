package dev.tipflood.reports.rundir;

import java.util.Objects;

/**
 * One population of the run, from the manifest and the load plan.
 *
 * @param name              population name
 * @param legit             true when its truth label is {@code legit}
 * @param plannedTips       tips in its arrival schedule
 * @param arrivalsPerSecond the open-model schedule, tips per second from the schedule's start
 */
public record PopulationInfo(String name, boolean legit, long plannedTips, int[] arrivalsPerSecond) {
  public PopulationInfo {
    Objects.requireNonNull(name, "name");
    arrivalsPerSecond = arrivalsPerSecond.clone();
  }

  /** The schedule, a copy. */
  @Override
  public int[] arrivalsPerSecond() {
    return arrivalsPerSecond.clone();
  }

  /** Seconds from the schedule's start to the end of its last arrival second; 0 without arrivals. */
  public int lastArrivalSecondEnd() {
    for (int s = arrivalsPerSecond.length - 1; s >= 0; s--) {
      if (arrivalsPerSecond[s] > 0) {
        return s + 1;
      }
    }
    return 0;
  }

  public String truth() {
    return legit ? "legit" : "junk";
  }
}
