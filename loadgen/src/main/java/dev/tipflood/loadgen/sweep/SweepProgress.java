package dev.tipflood.loadgen.sweep;

import dev.tipflood.reports.capacity.CapacityReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The sweep's progress lines: one when a step starts, one when it ends with its verdict, its time,
 * the bracket so far and the time left.
 * <pre>
 *   naive: step at 0.0575x (8.629 junk tips/s) ...
 *   naive step 3: 0.0575x FAILED (legitAcceptP99) in 36s; bracket held 0.0288x / broke 0.0575x; left: 81s for naive, 481s in all
 * </pre>
 */
public final class SweepProgress implements Consumer<BreakingPointSearch.StepEvent> {
  private final PrintWriter out;
  private final double junkPeak;
  private final Budget overall;

  public SweepProgress(PrintWriter out, double junkPeak, Budget overall) {
    this.out = out;
    this.junkPeak = junkPeak;
    this.overall = overall;
  }

  /** Wraps a runner so that each step is announced before it runs. */
  public StepRunner announcing(StepRunner runner) {
    return (profile, x) -> {
      out.printf(Locale.ROOT, "  %s: step at %s (%.3f junk tips/s) ...%n", profile, CapacityReport.times(x), x * junkPeak);
      out.flush();
      return runner.run(profile, x);
    };
  }

  @Override
  public void accept(BreakingPointSearch.StepEvent e) {
    out.printf(Locale.ROOT, "  %s step %d: %s %s in %ds; bracket held %s / broke %s; left: %ds for %s, %ds in all%n",
        e.profile(), e.number(), CapacityReport.times(e.point().intensity()), e.point().passed() ? "HELD"
            : "FAILED (" + String.join(", ", e.point().failedSlos()) + ")", e.took().toSeconds(),
        CapacityReport.times(e.bracket().held()), CapacityReport.times(e.bracket().broke()), e.remaining().toSeconds(),
        e.profile(), overall.remaining().toSeconds());
    out.flush();
  }
}
