package dev.tipflood.reports.rundir;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One line of an interval log: a class, its interval and its histogram (values in µs).
 *
 * @param tag         the class
 * @param startMillis interval start, epoch ms
 * @param endMillis   interval end, epoch ms
 * @param histogram   the latencies recorded in the interval, µs; never changed after reading
 */
public record TaggedInterval(ClassTag tag, long startMillis, long endMillis, Histogram histogram) {
  public TaggedInterval {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(histogram, "histogram");
    if (endMillis < startMillis) {
      throw new IllegalArgumentException("interval ends (" + endMillis + ") before it starts (" + startMillis + ")");
    }
  }
}
