package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ReadyProbe;
import dev.tipflood.reports.rundir.ReviewStats;
import dev.tipflood.reports.rundir.RunData;
import dev.tipflood.reports.rundir.TimelineSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Server-side figures: the timeline's last sample, its series, and the {@code /ready} probes. */
final class ServerAnalysis {
  private static final double MIB = 1024.0 * 1024.0;

  private final RunData data;
  private final RunClock clock;
  private final int seconds;

  ServerAnalysis(RunData data, RunClock clock, int seconds) {
    this.data = data;
    this.clock = clock;
    this.seconds = seconds;
  }

  boolean present() {
    return !data.timeline().isEmpty();
  }

  /** The last timeline sample, or null. */
  TimelineSample last() {
    return present() ? data.timeline().get(data.timeline().size() - 1) : null;
  }

  ReviewStats review(boolean legit) {
    TimelineSample last = last();
    if (last == null) {
      return ReviewStats.NONE;
    }
    return legit ? last.legitReview() : last.junkReview();
  }

  List<DefenceDecision> decisions() {
    TimelineSample last = last();
    List<DefenceDecision> out = new ArrayList<>();
    if (last == null) {
      return out;
    }
    out.add(new DefenceDecision("processing queue full", last.processingRejected(), "stages.processing.rejected"));
    out.add(new DefenceDecision("review queue full", last.reviewRejected(), "stages.review.rejected"));
    out.add(new DefenceDecision("storage quota (507)", last.storageRefusals(), "storage.refusals"));
    last.defenceCounters().forEach((k, v) -> out.add(new DefenceDecision(k, Math.round(v), "defences." + k)));
    return out;
  }

  /** Server series in buckets of {@code bucket} seconds. */
  TimeSeries.ServerSeries series(int bucket) {
    if (!present()) {
      return null;
    }
    double[] heap = nan();
    double[] processing = nan();
    double[] review = nan();
    Map<String, double[]> ttr = new LinkedHashMap<>();
    ttr.put("legit", nan());
    ttr.put("junk", nan());
    double heapMax = 0;
    for (TimelineSample t : data.timeline()) {
      int s = clock.second(t.t());
      if (s < 0 || s >= seconds) {
        continue;
      }
      heap[s] = t.heapUsedBytes() / MIB;
      heapMax = Math.max(heapMax, t.heapMaxBytes() / MIB);
      processing[s] = t.processingQueued();
      review[s] = t.reviewQueued();
      ttr.get("legit")[s] = t.legitReview().ttrP95Ms() / 1000.0;
      ttr.get("junk")[s] = t.junkReview().ttrP95Ms() / 1000.0;
    }
    Map<String, double[]> ttrBuckets = new LinkedHashMap<>();
    ttr.forEach((k, v) -> ttrBuckets.put(k, ClassAnalysis.last(v, bucket)));
    double[] ready = readySeries();
    int buckets = (seconds + bucket - 1) / bucket;
    double[] readyBuckets = new double[buckets];
    Arrays.fill(readyBuckets, Double.NaN);
    for (int s = 0; s < seconds; s++) {
      if (!Double.isNaN(ready[s])) {
        int b = s / bucket;
        readyBuckets[b] = Double.isNaN(readyBuckets[b]) ? ready[s] : Math.min(readyBuckets[b], ready[s]);
      }
    }
    return new TimeSeries.ServerSeries(ClassAnalysis.last(heap, bucket), heapMax, ClassAnalysis.last(processing, bucket),
        ClassAnalysis.last(review, bucket), ttrBuckets, readyBuckets);
  }

  /** Per second: 1 ready, 0 a probe failed, NaN not probed. */
  double[] readySeries() {
    double[] ready = nan();
    for (ReadyProbe p : data.ready()) {
      int s = clock.second(p.t());
      if (s < 0 || s >= seconds) {
        continue;
      }
      ready[s] = Double.isNaN(ready[s]) ? (p.ready() ? 1 : 0) : Math.min(ready[s], p.ready() ? 1 : 0);
    }
    return ready;
  }

  /** The first failing probe of each second, by second; probes before second 0 are start-up and left out. */
  Map<Integer, ReadyProbe> failures() {
    Map<Integer, ReadyProbe> out = new LinkedHashMap<>();
    for (ReadyProbe p : data.ready()) {
      int s = clock.second(p.t());
      if (s >= 0 && !p.ready()) {
        out.putIfAbsent(s, p);
      }
    }
    return out;
  }

  /** Timeline samples by second (the last of a second wins). */
  Map<Integer, TimelineSample> samplesBySecond() {
    Map<Integer, TimelineSample> out = new LinkedHashMap<>();
    for (TimelineSample t : data.timeline()) {
      out.put(clock.second(t.t()), t);
    }
    return out;
  }

  private double[] nan() {
    double[] a = new double[seconds];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
