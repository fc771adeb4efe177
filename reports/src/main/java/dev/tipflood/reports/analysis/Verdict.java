package dev.tipflood.reports.analysis;

/** Outcome of one SLO. */
public enum Verdict {
  PASS, FAIL,
  /** The run has no data for it (a {@code --target} run has no server-side figures). */
  NOT_MEASURED;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
