package dev.tipflood.reports.analysis;

import dev.tipflood.reports.rundir.ReviewStats;
import java.util.Locale;

/** The report's verdict in one sentence. */
public final class Headline {
  private Headline() {
  }

  public static String of(RunAnalysis a) {
    Scorecard s = a.scorecard();
    Degradation d = a.degradation();
    StringBuilder b = new StringBuilder();
    long measured = a.slos().stream().filter(v -> v.verdict() != Verdict.NOT_MEASURED).count();
    if (a.slosPassed()) {
      b.append("HELD: all ").append(measured).append(" measured SLOs passed");
    } else {
      b.append("FAILED: ").append(a.failedSlos()).append(" of ").append(measured).append(" measured SLOs failed");
    }
    b.append(String.format(Locale.ROOT, "; %d of %d legit tips (%.1f%%) were rejected, failed or lost",
        s.legitNotAccepted(), s.legitOffered(), s.legitOffered() == 0 ? 0.0 : 100.0 * s.legitNotAccepted() / s.legitOffered()));
    b.append(String.format(Locale.ROOT, ", %d of %d junk tips were accepted", s.junkAccepted(), s.junkOffered()));
    ReviewStats legitReview = a.classes().stream().filter(ClassReport::legit).map(ClassReport::timeToReview)
        .findFirst().orElse(ReviewStats.NONE);
    long expired = legitReview.expired();
    if (expired > 0) {
      // Acknowledged, so the client counts them accepted; the server never put them before a reviewer.
      b.append(String.format(Locale.ROOT, "; %d acknowledged legit tip%s expired unreviewed",
          expired, expired == 1 ? "" : "s"));
    }
    if (d.firstReadyFailure().isPresent()) {
      b.append(String.format(Locale.ROOT, "; /ready first failed at %.0f s", d.firstReadyFailure().get().second()));
    } else if (readyProbed(a)) {
      b.append("; /ready never failed");
    }
    if (d.metastable()) {
      b.append("; still down ").append(a.settings().metastableAfterSeconds()).append(" s after the load ended (metastable)");
      d.recoverySeconds().ifPresent(r -> b.append(", available again ").append(r).append(" s after the flood ended"));
    } else if (d.recoverySeconds().isPresent()) {
      if (!d.unavailable().isEmpty()) {
        b.append("; available again ").append(d.recoverySeconds().getAsInt()).append(" s after the flood ended");
      }
    } else if (!d.unavailable().isEmpty()) {
      // Never unavailable: there is nothing to recover from, even when the data end too soon to time it.
      b.append("; not seen to recover before the data ends");
    }
    return b.append('.').toString();
  }

  /** Whether the run has any /ready probe at all: absent (older runs, --target), "never failed" would be a guess. */
  public static boolean readyProbed(RunAnalysis a) {
    return a.series().server() != null && hasProbes(a.series().server().ready());
  }

  private static boolean hasProbes(double[] ready) {
    for (double r : ready) {
      if (!Double.isNaN(r)) {
        return true;
      }
    }
    return false;
  }
}
