package dev.tipflood.reports.analysis;

/** Whether the service came back once the load was gone. */
public enum Metastability {
  /** Available again (or never unavailable) within the settle rules. */
  STABLE,
  /** Still unavailable {@code metastableAfterSeconds} after the last arrival: the overload sustains itself. */
  METASTABLE,
  /** The data ends too early to tell. */
  UNKNOWN;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
