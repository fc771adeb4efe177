package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ClassTag;
import dev.tipflood.reports.rundir.PopulationInfo;
import dev.tipflood.reports.rundir.ProgressSample;
import dev.tipflood.reports.rundir.ReviewStats;
import dev.tipflood.reports.rundir.RunData;
import dev.tipflood.reports.rundir.TaggedInterval;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Per-class outcomes and series from the client files. Tips started come from
 * {@code client/progress.ndjson}; tips finished, and their outcome, are the {@code ep=tip}
 * lines of the interval logs; the difference is lost.
 */
final class ClassAnalysis {
  static final String TIP = "tip";
  static final String SUBMIT_MEDIA = "submit-media";

  private final RunData data;
  private final RunClock clock;
  private final int seconds;
  private final long deadlineMicros;

  ClassAnalysis(RunData data, RunClock clock, int seconds) {
    this.data = data;
    this.clock = clock;
    this.seconds = seconds;
    this.deadlineMicros = data.slo().legitAcceptP99().toNanos() / 1000;
  }

  ClassReport report(PopulationInfo pop, ReviewStats timeToReview) {
    List<TaggedInterval> tips = tips(data.corrected(), pop.name());
    long accepted = 0;
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> failed = new TreeMap<>();
    for (TaggedInterval i : tips) {
      long n = i.histogram().getTotalCount();
      ClassTag t = i.tag();
      if (t.accepted()) {
        accepted += n;
      } else if (t.answered()) {
        rejected.merge(t.outcome(), n, Long::sum);
      } else {
        failed.merge(t.outcome(), n, Long::sum);
      }
    }
    long finished = tips.stream().mapToLong(i -> i.histogram().getTotalCount()).sum();
    long started = data.progress().get(data.progress().size() - 1).of(pop.name()).tips();
    long offered = Math.max(started, finished);
    Histogram acceptedCorrected = Histograms.merge(tips, i -> i.tag().accepted());
    Histogram acceptedRaw = Histograms.merge(tips(data.raw(), pop.name()), i -> i.tag().accepted());
    long requests = count(data.corrected(), i -> i.tag().population().equals(pop.name())
        && (i.tag().request().equals("submit-tip") || i.tag().request().equals("submit-tip-retry")));
    long retries = count(data.corrected(), i -> i.tag().population().equals(pop.name())
        && i.tag().request().equals("submit-tip-retry"));
    return new ClassReport(pop.name(), pop.legit(), pop.plannedTips(), offered, accepted, rejected, failed,
        offered - finished, requests, retries, Histograms.countAtOrBelow(acceptedCorrected, deadlineMicros),
        new Latency(Percentiles.of(acceptedCorrected), Percentiles.of(acceptedRaw)), timeToReview, deferred(pop, tips));
  }

  /** Tips answered 202 deferred, and their later media uploads ({@code ep=submit-media}), not tip attempts. */
  private ClassReport.DeferredMedia deferred(PopulationInfo pop, List<TaggedInterval> tips) {
    long deferred = tips.stream().filter(i -> i.tag().outcome().equals("202")).mapToLong(i -> i.histogram().getTotalCount()).sum();
    Predicate<TaggedInterval> media = i -> i.tag().population().equals(pop.name()) && i.tag().request().equals(SUBMIT_MEDIA);
    return new ClassReport.DeferredMedia(deferred, count(data.corrected(), media.and(i -> i.tag().outcome().equals("201"))),
        count(data.corrected(), media));
  }

  /** The class's series in buckets of {@code bucket} seconds (1: per second). */
  TimeSeries.ClassSeries series(PopulationInfo pop, int bucket) {
    double[] offered = new double[seconds];
    List<ProgressSample> progress = data.progress();
    long previousT = progress.get(0).t() - progress.get(0).elapsedMillis();
    long previousTips = 0;
    for (ProgressSample p : progress) {
      add(offered, clock.second(previousT, p.t()), p.of(pop.name()).tips() - previousTips);
      previousT = p.t();
      previousTips = p.of(pop.name()).tips();
    }
    double[] accepted = new double[seconds];
    double[] rejected = new double[seconds];
    double[] failed = new double[seconds];
    int buckets = (seconds + bucket - 1) / bucket;
    Histogram[] latency = new Histogram[buckets];
    for (TaggedInterval i : tips(data.corrected(), pop.name())) {
      int s = clock.second(i);
      long n = i.histogram().getTotalCount();
      if (i.tag().accepted()) {
        add(accepted, s, n);
        if (s >= 0 && s < seconds) {
          int b = s / bucket;
          if (latency[b] == null) {
            latency[b] = Histograms.empty();
          }
          latency[b].add(i.histogram());
        }
      } else if (i.tag().answered()) {
        add(rejected, s, n);
      } else {
        add(failed, s, n);
      }
    }
    double[] open = new double[seconds];
    double cumOffered = 0;
    double cumFinished = 0;
    for (int s = 0; s < seconds; s++) {
      cumOffered += offered[s];
      cumFinished += accepted[s] + rejected[s] + failed[s];
      open[s] = Math.max(0, cumOffered - cumFinished);
    }
    double[] p50 = new double[buckets];
    double[] p99 = new double[buckets];
    Arrays.fill(p50, Double.NaN);
    Arrays.fill(p99, Double.NaN);
    for (int b = 0; b < buckets; b++) {
      if (latency[b] != null) {
        Percentiles p = Percentiles.of(latency[b]);
        p50[b] = p.p50Ms();
        p99[b] = p.p99Ms();
      }
    }
    return new TimeSeries.ClassSeries(pop.name(), pop.legit(), rate(offered, bucket), rate(accepted, bucket),
        rate(rejected, bucket), rate(failed, bucket), last(open, bucket), p50, p99);
  }

  /** Per-second counts to a rate per second averaged over each bucket. */
  static double[] rate(double[] perSecond, int bucket) {
    int buckets = (perSecond.length + bucket - 1) / bucket;
    double[] out = new double[buckets];
    for (int s = 0; s < perSecond.length; s++) {
      out[s / bucket] += perSecond[s];
    }
    for (int b = 0; b < buckets; b++) {
      out[b] /= Math.min(bucket, perSecond.length - b * bucket);
    }
    return out;
  }

  /** The last non-NaN value of each bucket, NaN when there is none. */
  static double[] last(double[] perSecond, int bucket) {
    int buckets = (perSecond.length + bucket - 1) / bucket;
    double[] out = new double[buckets];
    Arrays.fill(out, Double.NaN);
    for (int s = 0; s < perSecond.length; s++) {
      if (!Double.isNaN(perSecond[s])) {
        out[s / bucket] = perSecond[s];
      }
    }
    return out;
  }

  /** Legit accepted tips' corrected latency, merged over all legit classes. */
  Histogram legitAccepted() {
    return legitAccepted(data.corrected());
  }

  /** The same, from the raw log. */
  Histogram legitAcceptedRaw() {
    return legitAccepted(data.raw());
  }

  private Histogram legitAccepted(List<TaggedInterval> log) {
    List<String> legit = data.populations().stream().filter(PopulationInfo::legit).map(PopulationInfo::name)
        .collect(Collectors.toList());
    return Histograms.merge(log, i -> legit.contains(i.tag().population()) && i.tag().request().equals(TIP)
        && i.tag().accepted());
  }

  private static List<TaggedInterval> tips(List<TaggedInterval> log, String population) {
    return log.stream().filter(i -> i.tag().population().equals(population) && i.tag().request().equals(TIP)).toList();
  }

  private static long count(List<TaggedInterval> log, Predicate<TaggedInterval> which) {
    return log.stream().filter(which).mapToLong(i -> i.histogram().getTotalCount()).sum();
  }

  /** Adds to a second, clamping into the series (before 0 counts in 0, after the end in the last). */
  private static void add(double[] series, int second, double value) {
    if (series.length == 0) {
      return;
    }
    series[Math.max(0, Math.min(series.length - 1, second))] += value;
  }
}
