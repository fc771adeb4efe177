package dev.tipflood.reports.analysis;

import java.util.Objects;

/**
 * One SLO of the scenario, with its bound, the measured value and the verdict.
 *
 * @param slo        the scenario field ({@code legitAcceptP99}, ...)
 * @param title      what it means, in a few words
 * @param verdict    pass, fail or not measured
 * @param measured   the measured value in {@code unit}; NaN when there is none
 * @param bound      the scenario's bound in {@code unit}
 * @param comparison {@code <=} or {@code >=}: how measured must compare to bound to pass
 * @param unit       {@code ms} or {@code ratio}
 * @param detail     how it was measured, or why it could not be
 */
public record SloVerdict(String slo, String title, Verdict verdict, double measured, double bound, String comparison,
                         String unit, String detail) {
  /** The SLO names a scenario can set, in the order the reports list them. */
  public static final java.util.List<String> NAMES = java.util.List.of(SloEvaluation.ACCEPT_P99, SloEvaluation.SUCCESS_RATIO,
      SloEvaluation.TTR_P95, SloEvaluation.JUNK_STORAGE);

  public SloVerdict {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(verdict, "verdict");
    if (!comparison.equals("<=") && !comparison.equals(">=")) {
      throw new IllegalArgumentException("comparison must be <= or >=, was " + comparison);
    }
  }
}
