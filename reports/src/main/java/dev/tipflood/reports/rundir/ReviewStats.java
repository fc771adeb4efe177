package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's review figures for one truth class at one timeline sample.
 *
 * @param total  tips with a verdict so far
 * @param wrong  verdicts that disagree with the truth
 * @param ttrP50Ms time to review p50 over all verdicts so far, ms; {@code NaN} before the first
 * @param ttrP95Ms p95, ms; {@code NaN} before the first verdict
 * @param ttrP99Ms p99, ms; {@code NaN} before the first verdict
 * @param ttrMaxMs max, ms; {@code NaN} before the first verdict
 * @param expired acknowledged tips that left the review queue unreviewed (status {@code expired});
 *     0 in a timeline written before they were counted
 */
public record ReviewStats(long total, long wrong, double ttrP50Ms, double ttrP95Ms, double ttrP99Ms, double ttrMaxMs,
    long expired) {
  public static final ReviewStats NONE = new ReviewStats(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  static ReviewStats of(JsonNode n) {
    if (n.isMissingNode()) {
      return NONE;
    }
    JsonNode ttr = n.path("ttrMs");
    return new ReviewStats(n.path("total").asLong(), n.path("wrong").asLong(), num(ttr, "p50"), num(ttr, "p95"),
        num(ttr, "p99"), num(ttr, "max"), n.path("expired").asLong());
  }

  private static double num(JsonNode n, String f) {
    JsonNode v = n.path(f);
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }
}
