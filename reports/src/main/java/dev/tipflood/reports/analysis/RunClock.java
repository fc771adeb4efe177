package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ProgressSample;
import dev.tipflood.reports.rundir.RunData;
import dev.tipflood.reports.rundir.TaggedInterval;

/**
 * The time axis of a report: second 0 is the start of the arrival schedule, which runs
 * {@code leadMillis} behind the load generator's start (docs/run-directory.md). The load
 * generator's start is the first progress line's {@code t - elapsedMillis}.
 */
final class RunClock {
  private final long originMillis;

  RunClock(long originMillis) {
    this.originMillis = originMillis;
  }

  static RunClock of(RunData data, AnalysisSettings settings) {
    ProgressSample first = data.progress().get(0);
    return new RunClock(first.t() - first.elapsedMillis() + settings.leadMillis());
  }

  long originMillis() {
    return originMillis;
  }

  /** The second a point in time falls in. */
  int second(long epochMillis) {
    return (int) Math.floorDiv(epochMillis - originMillis, 1000L);
  }

  /** The second an interval belongs to: the one its midpoint falls in. */
  int second(TaggedInterval i) {
    return second((i.startMillis() + i.endMillis()) / 2);
  }

  /** The second the period between two points belongs to: the one its midpoint falls in. */
  int second(long fromMillis, long toMillis) {
    return second((fromMillis + toMillis) / 2);
  }
}
