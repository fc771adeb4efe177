package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.PopulationInfo;
import dev.tipflood.reports.rundir.ReadyProbe;
import dev.tipflood.reports.rundir.RunData;
import dev.tipflood.reports.rundir.RunDirectoryReader;
import dev.tipflood.reports.rundir.TaggedInterval;
import dev.tipflood.reports.rundir.TimelineSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Turns a run directory into a {@link RunAnalysis}.
 *
 * <pre>{@code
 * RunAnalysis a = RunAnalyzer.analyze(Path.of("runs/20261204-183007-fancam-flood-smoke"));
 * a.slos().forEach(v -> System.out.println(v.slo() + " " + v.verdict()));
 * }</pre>
 *
 * Pure: it reads files and computes; the same directory always gives the same analysis.
 */
public final class RunAnalyzer {
  private RunAnalyzer() {
  }

  /** Reads and analyses a run directory with the default thresholds. */
  public static RunAnalysis analyze(Path runDirectory) {
    return analyze(RunDirectoryReader.read(runDirectory), AnalysisSettings.defaults());
  }

  public static RunAnalysis analyze(RunData data, AnalysisSettings settings) {
    RunClock clock = RunClock.of(data, settings);
    int loadEnd = data.populations().stream().mapToInt(PopulationInfo::lastArrivalSecondEnd).max().orElse(0);
    int floodEnd = data.populations().stream().filter(p -> !p.legit()).mapToInt(PopulationInfo::lastArrivalSecondEnd)
        .max().orElse((int) Math.ceil(data.manifest().durationSeconds()));
    int seconds = Math.max(loadEnd, lastSecond(data, clock) + 1);

    ServerAnalysis server = new ServerAnalysis(data, clock, seconds);
    ClassAnalysis classAnalysis = new ClassAnalysis(data, clock, seconds);
    List<ClassReport> classes = new ArrayList<>();
    List<TimeSeries.ClassSeries> classSeries = new ArrayList<>();
    List<TimeSeries.ClassSeries> chartSeries = new ArrayList<>();
    int bucket = TimeSeries.bucketFor(seconds);
    for (PopulationInfo p : data.populations()) {
      classes.add(classAnalysis.report(p, server.review(p.legit())));
      classSeries.add(classAnalysis.series(p, 1));
      chartSeries.add(classAnalysis.series(p, bucket));
    }
    Scorecard score = scorecard(classes, server.last());
    Histogram legitAccepted = classAnalysis.legitAccepted();
    SloEvaluation slo = new SloEvaluation(data.slo());
    double longestWait = Double.NaN;
    for (TimeSeries.ClassSeries c : classSeries) {
      for (int s = 0; c.legit() && s < seconds; s++) {
        if (c.accepted()[s] > 0) {
          longestWait = Double.isNaN(longestWait) ? (seconds - s) * 1000.0 : Math.max(longestWait, (seconds - s) * 1000.0);
          break;
        }
      }
    }
    List<SloVerdict> verdicts = slo.verdicts(legitAccepted, classes, score, server.review(true), server.present(), longestWait);

    double[] offered = new double[seconds];
    long[] legitNotAccepted = new long[seconds];
    for (TimeSeries.ClassSeries c : classSeries) {
      for (int s = 0; s < seconds; s++) {
        offered[s] += c.offered()[s];
        if (c.legit()) {
          legitNotAccepted[s] += Math.round(c.rejected()[s] + c.failed()[s]);
        }
      }
    }
    Optional<TimedEvent> breach = slo.firstBreach(legitAcceptedBySecond(data, clock, seconds), legitNotAccepted,
        legitAccepted.getTotalCount(), score.legitOffered(), server.samplesBySecond(), offered, verdicts);
    Map<Integer, ReadyProbe> readyFailures = server.failures();
    Optional<TimedEvent> firstReady = readyFailures.entrySet().stream().findFirst()
        .map(e -> new TimedEvent(e.getKey(), "/ready failed: " + e.getValue().reason(),
            e.getKey() < seconds ? offered[e.getKey()] : 0));
    Degradation degradation = new DegradationAnalysis(settings, seconds, data.corrected(), clock, readyFailures)
        .degradation(breach, firstReady, floodEnd, loadEnd);

    var m = data.manifest();
    RunAnalysis.RunInfo info = new RunAnalysis.RunInfo(data.root().toString(), m.scenario(), m.profile(), m.target(),
        m.scale(), m.durationSeconds(), m.status(), m.startedAt());
    Latency legitLatency = new Latency(Percentiles.of(legitAccepted), Percentiles.of(classAnalysis.legitAcceptedRaw()));
    return new RunAnalysis(info, classes, score, legitLatency, server.decisions(), degradation, verdicts,
        new TimeSeries(seconds, bucket, chartSeries, server.series(bucket)), settings);
  }

  private static Scorecard scorecard(List<ClassReport> classes, TimelineSample last) {
    long legitOffered = 0;
    long legitRejected = 0;
    long legitFailed = 0;
    long legitLost = 0;
    long legitGoodput = 0;
    long junkOffered = 0;
    long junkAccepted = 0;
    for (ClassReport c : classes) {
      if (c.legit()) {
        legitOffered += c.offered();
        legitRejected += c.rejected();
        legitFailed += c.failed();
        legitLost += c.lost();
        legitGoodput += c.goodput();
      } else {
        junkOffered += c.offered();
        junkAccepted += c.accepted();
      }
    }
    return new Scorecard(legitOffered, legitRejected, legitFailed, legitLost, legitGoodput, junkOffered, junkAccepted,
        last == null ? -1 : last.storedJunkBytes(), last == null ? -1 : last.storedLegitBytes(),
        last == null ? -1 : last.reviewerSeconds(), last == null ? -1 : last.reviewerJunkSeconds());
  }

  private static Histogram[] legitAcceptedBySecond(RunData data, RunClock clock, int seconds) {
    Set<String> legit = data.populations().stream().filter(PopulationInfo::legit).map(PopulationInfo::name)
        .collect(Collectors.toSet());
    Histogram[] out = new Histogram[seconds];
    for (TaggedInterval i : data.corrected()) {
      if (legit.contains(i.tag().population()) && i.tag().request().equals(ClassAnalysis.TIP) && i.tag().accepted()) {
        int s = Math.max(0, Math.min(seconds - 1, clock.second(i)));
        if (out[s] == null) {
          out[s] = Histograms.empty();
        }
        out[s].add(i.histogram());
      }
    }
    return out;
  }

  private static int lastSecond(RunData data, RunClock clock) {
    int last = clock.second(data.progress().get(data.progress().size() - 1).t() - 1);
    for (TaggedInterval i : data.corrected()) {
      last = Math.max(last, clock.second(i));
    }
    for (ReadyProbe p : data.ready()) {
      last = Math.max(last, clock.second(p.t()));
    }
    return last;
  }
}
