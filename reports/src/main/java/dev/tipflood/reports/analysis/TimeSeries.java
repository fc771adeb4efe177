package dev.tipflood.reports.analysis;

import java.util.List;
import java.util.Map;

/**
 * Series for the charts, in buckets of {@code bucketSeconds}: index {@code i} covers the seconds
 * {@code [i * bucketSeconds, (i + 1) * bucketSeconds)} since the schedule's start (the last
 * bucket may be shorter). Rates are per second, averaged over the bucket; latency percentiles
 * come from the bucket's merged histogram; gauges are the bucket's last sample. {@code NaN}
 * means no data in that bucket.
 *
 * @param seconds       seconds of data
 * @param bucketSeconds width of a bucket, chosen so that a chart has at most about 150 points
 * @param classes       per class, in population order
 * @param server        server-side series; {@code null} without server data
 */
public record TimeSeries(int seconds, int bucketSeconds, List<ClassSeries> classes, ServerSeries server) {
  public TimeSeries {
    if (bucketSeconds < 1) {
      throw new IllegalArgumentException("bucketSeconds must be >= 1, was " + bucketSeconds);
    }
    classes = List.copyOf(classes);
  }

  /** Number of buckets. */
  public int buckets() {
    return (seconds + bucketSeconds - 1) / bucketSeconds;
  }

  /** The middle of bucket {@code i}, in seconds since the schedule's start. */
  public double middle(int i) {
    return i * bucketSeconds + Math.min(bucketSeconds, seconds - i * bucketSeconds) / 2.0;
  }

  /** The bucket width for a run of this many seconds: at most about 150 buckets. */
  public static int bucketFor(int seconds) {
    return Math.max(1, (seconds + 149) / 150);
  }

  /**
   * One class over time.
   *
   * @param name       population
   * @param legit      truth label
   * @param offered    tips started per second
   * @param accepted   tips accepted per second
   * @param rejected   tips rejected per second
   * @param failed     tips failed (timeout, connection error) per second
   * @param open       tips started and not yet finished, at the end of each bucket; at the end of the run they are lost
   * @param p50Ms      p50 of the accepted tips' latency (corrected) finishing in that bucket
   * @param p99Ms      p99 of the same
   */
  public record ClassSeries(String name, boolean legit, double[] offered, double[] accepted, double[] rejected,
                            double[] failed, double[] open, double[] p50Ms, double[] p99Ms) {
  }

  /**
   * Server figures, sampled once a second ({@code NaN}: no sample in that bucket).
   *
   * @param heapUsedMb        heap in use, MiB
   * @param heapMaxMb         the maximum heap, MiB
   * @param processingQueued  tips waiting for processing
   * @param reviewQueued      review backlog: tips waiting for a reviewer
   * @param ttrP95Seconds     time to review p95 per truth class (over verdicts so far), seconds
   * @param ready             1 when every {@code /ready} probe in that bucket answered 200, 0 when one did not, NaN unprobed
   */
  public record ServerSeries(double[] heapUsedMb, double heapMaxMb, double[] processingQueued, double[] reviewQueued,
                             Map<String, double[]> ttrP95Seconds, double[] ready) {
  }
}
