package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.TaggedInterval;
import java.util.List;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/** Exact merging: histograms are added, count by count; percentiles are never averaged. */
final class Histograms {
  private Histograms() {
  }

  /** An empty auto-resizing histogram at 3 significant digits, to add others into. */
  static Histogram empty() {
    return new Histogram(3);
  }

  /** The sum of the intervals that match. */
  static Histogram merge(List<TaggedInterval> intervals, Predicate<TaggedInterval> which) {
    Histogram sum = empty();
    for (TaggedInterval i : intervals) {
      if (which.test(i)) {
        sum.add(i.histogram());
      }
    }
    return sum;
  }

  /** Values at or below {@code limitMicros}, to HdrHistogram's resolution. */
  static long countAtOrBelow(Histogram h, long limitMicros) {
    return h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, limitMicros);
  }
}
