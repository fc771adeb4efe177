package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ReviewStats;
import dev.tipflood.reports.rundir.TimelineSample;
import dev.tipflood.scenarios.model.Slo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The scenario's SLOs: the verdicts over the whole run, and the first second at which one of
 * them was certainly broken.
 */
final class SloEvaluation {
  static final String ACCEPT_P99 = "legitAcceptP99";
  static final String SUCCESS_RATIO = "legitSuccessRatio";
  static final String TTR_P95 = "legitTimeToReviewP95";
  static final String JUNK_STORAGE = "junkStorageShareMax";

  private final Slo slo;

  SloEvaluation(Slo slo) {
    this.slo = slo;
  }

  /**
   * The verdicts over the whole run. {@code longestWaitMs} is how long the first accepted legit
   * tip could have waited for review before the data ends (NaN when none was accepted): when no
   * legit tip was reviewed, the time-to-review SLO fails only if that wait is over its bound.
   */
  List<SloVerdict> verdicts(Histogram legitAccepted, List<ClassReport> classes, Scorecard score, ReviewStats legitReview,
                            boolean server, double longestWaitMs) {
    double boundMs = slo.legitAcceptP99().toMillis();
    SloVerdict p99;
    if (legitAccepted.getTotalCount() == 0) {
      p99 = new SloVerdict(ACCEPT_P99, "p99 latency of accepted legit tips", Verdict.FAIL, Double.NaN, boundMs, "<=", "ms",
          "no legit tip was accepted");
    } else {
      double v = legitAccepted.getValueAtPercentile(99) / 1000.0;
      p99 = new SloVerdict(ACCEPT_P99, "p99 latency of accepted legit tips", v <= boundMs ? Verdict.PASS : Verdict.FAIL, v,
          boundMs, "<=", "ms", legitAccepted.getTotalCount() + " accepted legit tips, client side, corrected, first send to answer");
    }
    long legitOffered = score.legitOffered();
    SloVerdict ratio;
    if (legitOffered == 0) {
      ratio = new SloVerdict(SUCCESS_RATIO, "share of legit tips accepted", Verdict.NOT_MEASURED, Double.NaN,
          slo.legitSuccessRatio(), ">=", "ratio", "no legit tip was offered");
    } else {
      long accepted = classes.stream().filter(ClassReport::legit).mapToLong(ClassReport::accepted).sum();
      double v = (double) accepted / legitOffered;
      ratio = new SloVerdict(SUCCESS_RATIO, "share of legit tips accepted", v >= slo.legitSuccessRatio() ? Verdict.PASS
          : Verdict.FAIL, v, slo.legitSuccessRatio(), ">=", "ratio", String.format(Locale.ROOT,
          "%d of %d legit tips accepted; %d rejected, %d failed, %d lost", accepted, legitOffered, score.legitRejected(),
          score.legitFailed(), score.legitLost()));
    }
    double ttrBound = slo.legitTimeToReviewP95().toMillis();
    SloVerdict ttr;
    if (!server) {
      ttr = new SloVerdict(TTR_P95, "p95 time to review of legit tips", Verdict.NOT_MEASURED, Double.NaN, ttrBound, "<=", "ms",
          "no server timeline (a --target run)");
    } else if (legitReview.total() == 0) {
      boolean anyAccepted = classes.stream().anyMatch(c -> c.legit() && c.accepted() > 0);
      if (!anyAccepted) {
        ttr = new SloVerdict(TTR_P95, "p95 time to review of legit tips", Verdict.NOT_MEASURED, Double.NaN, ttrBound, "<=",
            "ms", "no legit tip was accepted, so none could be reviewed");
      } else if (longestWaitMs > ttrBound) {
        ttr = new SloVerdict(TTR_P95, "p95 time to review of legit tips", Verdict.FAIL, Double.NaN, ttrBound, "<=", "ms",
            String.format(Locale.ROOT, "no accepted legit tip was reviewed; the first waited %.0f s, over the bound",
                longestWaitMs / 1000));
      } else {
        ttr = new SloVerdict(TTR_P95, "p95 time to review of legit tips", Verdict.NOT_MEASURED, Double.NaN, ttrBound, "<=",
            "ms", String.format(Locale.ROOT, "no accepted legit tip was reviewed yet; the data ends %.0f s after the first "
                + "was accepted, within the bound", longestWaitMs / 1000));
      }
    } else {
      double v = legitReview.ttrP95Ms();
      ttr = new SloVerdict(TTR_P95, "p95 time to review of legit tips", v <= ttrBound ? Verdict.PASS : Verdict.FAIL, v,
          ttrBound, "<=", "ms", legitReview.total() + " legit tips reviewed (tips still waiting for review are not counted)");
    }
    SloVerdict junk;
    if (!server) {
      junk = new SloVerdict(JUNK_STORAGE, "share of stored bytes that are junk", Verdict.NOT_MEASURED, Double.NaN,
          slo.junkStorageShareMax(), "<=", "ratio", "no server timeline (a --target run)");
    } else {
      double v = score.junkStorageShare();
      junk = new SloVerdict(JUNK_STORAGE, "share of stored bytes that are junk", v <= slo.junkStorageShareMax() ? Verdict.PASS
          : Verdict.FAIL, v, slo.junkStorageShareMax(), "<=", "ratio", String.format(Locale.ROOT,
          "%d junk bytes of %d stored", score.junkBytesStored(), score.junkBytesStored() + score.legitBytesStored()));
    }
    return List.of(p99, ratio, ttr, junk);
  }

  /**
   * The first second at which an SLO was certainly broken: more legit tips over the latency bound,
   * or more legit tips not accepted, than the whole run allows; or a timeline sample over the
   * time-to-review or junk-storage bound. Lost tips are only known at the end: a success-ratio
   * failure with no earlier breach is placed at the end of the data.
   */
  Optional<TimedEvent> firstBreach(Histogram[] legitAcceptedBySecond, long[] legitNotAcceptedBySecond, long legitAcceptedTotal,
                                   long legitOffered, Map<Integer, TimelineSample> timeline, double[] offeredPerSecond,
                                   List<SloVerdict> verdicts) {
    int seconds = offeredPerSecond.length;
    long deadline = slo.legitAcceptP99().toNanos() / 1000;
    // A hair of slack: (1 - 0.9) * 30 is 2.9999999999999996 in doubles, and 3 failures of 30 still meet 0.9.
    double lateAllowed = 0.01 * legitAcceptedTotal + 1e-9;
    double notAcceptedAllowed = (1 - slo.legitSuccessRatio()) * legitOffered + 1e-9;
    long late = 0;
    long notAccepted = 0;
    for (int s = 0; s < seconds; s++) {
      Histogram h = legitAcceptedBySecond[s];
      if (h != null) {
        late += h.getTotalCount() - Histograms.countAtOrBelow(h, deadline);
      }
      if (late > lateAllowed) {
        return event(s, ACCEPT_P99 + ": " + late + " accepted legit tip" + (late == 1 ? "" : "s") + " slower than "
            + slo.legitAcceptP99().toMillis() + " ms so far, more than 1% of the run's " + legitAcceptedTotal, offeredPerSecond);
      }
      notAccepted += legitNotAcceptedBySecond[s];
      if (notAccepted > notAcceptedAllowed) {
        return event(s, SUCCESS_RATIO + ": " + notAccepted + " legit tips rejected or failed, more than the "
            + String.format(Locale.ROOT, "%.1f", notAcceptedAllowed - 1e-9) + " the run allows", offeredPerSecond);
      }
      TimelineSample t = timeline.get(s);
      if (t != null) {
        if (t.legitReview().ttrP95Ms() > slo.legitTimeToReviewP95().toMillis()) {
          return event(s, TTR_P95 + ": legit time to review p95 " + Math.round(t.legitReview().ttrP95Ms() / 1000) + " s",
              offeredPerSecond);
        }
        long stored = t.storedJunkBytes() + t.storedLegitBytes();
        if (stored > 0 && (double) t.storedJunkBytes() / stored > slo.junkStorageShareMax()) {
          return event(s, JUNK_STORAGE + String.format(Locale.ROOT, ": junk %.0f%% of stored bytes",
              100.0 * t.storedJunkBytes() / stored), offeredPerSecond);
        }
      }
    }
    return verdicts.stream().filter(v -> v.verdict() == Verdict.FAIL).findFirst()
        .map(v -> new TimedEvent(seconds, v.slo() + " (known at the end: " + v.detail() + ")", 0));
  }

  private static Optional<TimedEvent> event(int s, String what, double[] offered) {
    return Optional.of(new TimedEvent(s, what, offered[s]));
  }
}
