package dev.tipflood.reports.analysis;

/**
 * The documented thresholds of the degradation analysis (docs/report.md).
 *
 * @param errorShare             a second is unavailable when more than this share of the requests finished in it
 *                               failed (timeout, connection error or 5xx) ...
 * @param minErrors              ... and at least this many did
 * @param settleSeconds          recovered: healthy from a second on to the end of the data, for at least this long
 * @param metastableAfterSeconds metastable: still unavailable this long after the last arrival of the schedule
 * @param leadMillis             the schedule starts this long after the load generator (docs/run-directory.md)
 */
public record AnalysisSettings(double errorShare, int minErrors, int settleSeconds, int metastableAfterSeconds,
                               long leadMillis) {
  public AnalysisSettings {
    if (!(errorShare > 0 && errorShare <= 1)) {
      throw new IllegalArgumentException("errorShare must be in (0, 1], was " + errorShare);
    }
    if (minErrors < 1 || settleSeconds < 1 || metastableAfterSeconds < 1 || leadMillis < 0) {
      throw new IllegalArgumentException("minErrors, settleSeconds and metastableAfterSeconds must be >= 1, leadMillis >= 0");
    }
  }

  /** 10% errors (at least 3), 3 s to settle, metastable after 10 s, 1 s lead. */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(0.10, 3, 3, 10, 1000);
  }
}
