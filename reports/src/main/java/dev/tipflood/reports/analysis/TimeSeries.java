package dev.tipflood.reports.analysis;

import java.util.List;
import java.util.Map;

/**
 * Per-second series for the charts; index {@code i} is the second {@code [i, i+1)} since the
 * schedule's start. A latency of {@code NaN} means nothing finished in that second.
 *
 * @param seconds  number of seconds
 * @param classes  per class, in population order
 * @param server   server-side series; {@code null} without server data
 */
public record TimeSeries(int seconds, List<ClassSeries> classes, ServerSeries server) {
  public TimeSeries {
    classes = List.copyOf(classes);
  }

  /**
   * One class over time.
   *
   * @param name       population
   * @param offered    tips started per second
   * @param accepted   tips accepted per second
   * @param rejected   tips rejected per second
   * @param failed     tips failed (timeout, connection error) per second
   * @param open       tips started and not yet finished, at the end of each second; at the end of the run they are lost
   * @param p50Ms      p50 of the accepted tips' latency (corrected) finishing in that second
   * @param p99Ms      p99 of the same
   */
  public record ClassSeries(String name, boolean legit, double[] offered, double[] accepted, double[] rejected,
                            double[] failed, double[] open, double[] p50Ms, double[] p99Ms) {
  }

  /**
   * Server figures, sampled once a second ({@code NaN}: no sample in that second).
   *
   * @param heapUsedMb        heap in use, MiB
   * @param heapMaxMb         the maximum heap, MiB
   * @param processingQueued  tips waiting for processing
   * @param reviewQueued      review backlog: tips waiting for a reviewer
   * @param ttrP95Seconds     time to review p95 per truth class (over verdicts so far), seconds
   * @param ready             1 when every {@code /ready} probe in that second answered 200, 0 when one did not, NaN unprobed
   */
  public record ServerSeries(double[] heapUsedMb, double heapMaxMb, double[] processingQueued, double[] reviewQueued,
                             Map<String, double[]> ttrP95Seconds, double[] ready) {
  }
}
