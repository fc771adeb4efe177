package dev.tipflood.loadgen.testing;

import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.analysis.Verdict;
import dev.tipflood.reports.check.Baseline;
import dev.tipflood.reports.check.CheckResult;
import dev.tipflood.reports.check.Gate;
import dev.tipflood.reports.check.Tolerances;
import dev.tipflood.reports.json.SummaryJson;
import dev.tipflood.reports.junit.JUnitXml;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One finished run, from {@link TipfloodRun#run()}: its exit code, its run directory (with
 * report.html, summary.json and junit.xml) and its analysis, with assertions that fail with an
 * {@link AssertionError} naming the measured value and the bound.
 *
 * @param exitCode     what {@code tipflood run} would have exited with (0: the tool worked)
 * @param status       the manifest's status: completed, server-crashed, ...
 * @param runDirectory the run directory
 * @param analysis     the analysis of that directory
 */
public record TipfloodResult(int exitCode, String status, Path runDirectory, RunAnalysis analysis) {
  public TipfloodResult {
    Objects.requireNonNull(runDirectory, "runDirectory");
    Objects.requireNonNull(analysis, "analysis");
  }

  /** The run went to its end with the server up (exit 0). */
  public TipfloodResult assertCompleted() {
    if (exitCode != 0) {
      throw new AssertionError("the run ended " + status + " (exit " + exitCode + "); see " + runDirectory);
    }
    return this;
  }

  /** Every SLO the run measured passed. */
  public TipfloodResult assertSlosPass() {
    String failed = analysis.slos().stream().filter(v -> v.verdict() == Verdict.FAIL).map(JUnitXml::describe)
        .collect(Collectors.joining("\n  "));
    if (!failed.isEmpty()) {
      throw new AssertionError("SLOs failed in " + runDirectory + ":\n  " + failed);
    }
    return this;
  }

  /** One SLO has this verdict. */
  public TipfloodResult assertSlo(String slo, Verdict expected) {
    SloVerdict v = slo(slo);
    if (v.verdict() != expected) {
      throw new AssertionError("expected " + slo + " to be " + expected.id() + ": " + JUnitXml.describe(v));
    }
    return this;
  }

  /** The verdict of one SLO ({@code legitAcceptP99}, {@code legitSuccessRatio}, ...). */
  public SloVerdict slo(String slo) {
    SloVerdict v = analysis.slo(slo);
    if (v == null) {
      throw new IllegalArgumentException("no SLO " + slo + "; the run has " + analysis.slos().stream().map(SloVerdict::slo)
          .collect(Collectors.joining(", ")));
    }
    return v;
  }

  /** The check of this run against a baseline (a run directory or a summary.json). */
  public CheckResult check(Path baseline, Tolerances tolerances) {
    return Gate.compare(Baseline.load(baseline), SummaryJson.of(analysis), tolerances);
  }

  /** No metric regressed against the baseline beyond the default tolerances; the message is the check's table. */
  public TipfloodResult assertNoRegression(Path baseline) {
    CheckResult r = check(baseline, Tolerances.defaults());
    if (r.regressed()) {
      throw new AssertionError("regression against " + baseline + ":\n" + r.table());
    }
    return this;
  }
}
