package dev.tipflood.reports.capacity;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A whole sweep: one scenario, one curve per profile, and the plain capacity statement.
 *
 * @param scenario           scenario name
 * @param junkPeakPerSecond  the junk rate of intensity 1: every junk population at its own peak rate
 * @param legitPerSecond     the steady legit rate every step offered after its warm-up
 * @param warmUpSeconds      discarded start of each step
 * @param measuredSeconds    measured part of each step
 * @param judgedSlos         the SLOs that decided each verdict
 * @param budgetSeconds      the sweep's budget
 * @param wallSeconds        how long the sweep took
 * @param interrupted        stopped by Ctrl-C: the report holds the steps done until then
 * @param curves             per profile, in the order given
 */
public record CapacityReport(String scenario, double junkPeakPerSecond, double legitPerSecond, double warmUpSeconds,
                             double measuredSeconds, List<String> judgedSlos, double budgetSeconds, double wallSeconds,
                             boolean interrupted, List<CapacityCurve> curves) {
  public static final String HTML = "capacity.html";
  public static final String JSON = "capacity.json";

  public CapacityReport {
    Objects.requireNonNull(scenario, "scenario");
    judgedSlos = List.copyOf(judgedSlos);
    curves = List.copyOf(curves);
  }

  /**
   * The plain statement, strongest profile first, e.g. "with tipline+throttle the service keeps legit tips
   * within SLO up to 0.41x the scenario's junk peak (62 junk tips/s; bracket 0.35-0.41x); with naive it breaks at 0.02x".
   */
  public String statement() {
    if (curves.isEmpty()) {
      return "No profile was swept.";
    }
    StringBuilder b = new StringBuilder();
    List<CapacityCurve> ranked = curves.stream().sorted(Comparator.comparingDouble(CapacityReport::rank).reversed()).toList();
    for (CapacityCurve c : ranked) {
      b.append(b.length() == 0 ? "With " : "; with ").append(c.profile()).append(' ').append(clause(c));
    }
    return b.append('.').toString();
  }

  private String clause(CapacityCurve c) {
    BreakingPoint bp = c.breaking();
    return switch (bp.status()) {
      case BRACKETED -> String.format(Locale.ROOT, "the service keeps legit tips within SLO up to %s the scenario's junk "
          + "peak (%s junk tips/s; bracket %s-%s)", times(bp.held()), rate(bp.held()), times(bp.held()), times(bp.broke()));
      case HELD_THROUGHOUT -> String.format(Locale.ROOT, "legit tips stayed within SLO at every flood tried, up to %s the "
          + "junk peak (%s junk tips/s): the breaking point is above that", times(bp.held()), rate(bp.held()));
      case BROKE_THROUGHOUT -> String.format(Locale.ROOT, "it breaks even at %s the junk peak (%s junk tips/s), the "
          + "smallest flood tried: the breaking point is below that", times(bp.broke()), rate(bp.broke()));
      case NO_STEPS -> "no step finished, so nothing can be said";
    };
  }

  private static double rank(CapacityCurve c) {
    BreakingPoint bp = c.breaking();
    return switch (bp.status()) {
      case BRACKETED, HELD_THROUGHOUT -> bp.held();
      case BROKE_THROUGHOUT -> bp.broke() * 1e-3;
      case NO_STEPS -> -1;
    };
  }

  private String rate(double intensity) {
    return number(intensity * junkPeakPerSecond);
  }

  /** An intensity as a multiple, three significant digits: 0.0234x, 1.50x, 37.0x. */
  public static String times(double intensity) {
    return number(intensity) + "\u00d7";
  }

  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    if (v == 0) {
      return "0";
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
