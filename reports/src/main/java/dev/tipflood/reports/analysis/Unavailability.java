package dev.tipflood.reports.analysis;

/**
 * An interval in which the service was unavailable: {@code /ready} failing, or errors above the
 * threshold of {@link AnalysisSettings}.
 *
 * @param fromSecond first unavailable second (seconds since the schedule's start)
 * @param toSecond   end of the last unavailable second (exclusive)
 * @param reason     what was seen first in the interval
 */
public record Unavailability(int fromSecond, int toSecond, String reason) {
  public Unavailability {
    if (toSecond <= fromSecond) {
      throw new IllegalArgumentException("an interval ends after it starts: " + fromSecond + ".." + toSecond);
    }
  }

  public int seconds() {
    return toSecond - fromSecond;
  }
}
