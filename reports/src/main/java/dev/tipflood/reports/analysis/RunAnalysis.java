package dev.tipflood.reports.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One run, analysed: the model every output (HTML, JSON, JUnit XML, the check) is written from.
 * Build it with {@link RunAnalyzer#analyze}.
 *
 * @param run         what ran
 * @param classes     per population, in plan order
 * @param scorecard   the run scored against ground truth
 * @param legitLatency accepted legit tips' latency, all legit classes merged
 * @param decisions   decisions of defences and capacity limits
 * @param degradation when it degraded and whether it came back
 * @param slos        one verdict per SLO of the scenario
 * @param series      per-second series for the charts
 * @param settings    thresholds used
 */
public record RunAnalysis(RunInfo run, List<ClassReport> classes, Scorecard scorecard, Latency legitLatency, List<DefenceDecision> decisions,
                          Degradation degradation, List<SloVerdict> slos, TimeSeries series, AnalysisSettings settings) {
  public RunAnalysis {
    Objects.requireNonNull(run, "run");
    classes = List.copyOf(classes);
    Objects.requireNonNull(scorecard, "scorecard");
    Objects.requireNonNull(legitLatency, "legitLatency");
    decisions = List.copyOf(decisions);
    Objects.requireNonNull(degradation, "degradation");
    slos = List.copyOf(slos);
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * What ran.
   *
   * @param directory       run directory
   * @param scenario        scenario name
   * @param profile         server profile
   * @param target          {@code embedded} or the URL
   * @param scale           similarity scale
   * @param durationSeconds schedule length
   * @param status          the run's status in the manifest
   * @param startedAt       ISO-8601 UTC
   */
  public record RunInfo(String directory, String scenario, String profile, String target, double scale,
                        double durationSeconds, String status, String startedAt) {
  }

  /** True when every measured SLO passed. */
  public boolean slosPassed() {
    return slos.stream().noneMatch(v -> v.verdict() == Verdict.FAIL);
  }

  public long failedSlos() {
    return slos.stream().filter(v -> v.verdict() == Verdict.FAIL).count();
  }

  /** The class with this name, or null. */
  public ClassReport classReport(String name) {
    return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** The verdict of one SLO, or null. */
  public SloVerdict slo(String name) {
    return slos.stream().filter(v -> v.slo().equals(name)).findFirst().orElse(null);
  }
}
