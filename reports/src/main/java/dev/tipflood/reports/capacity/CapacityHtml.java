package dev.tipflood.reports.capacity;

import static dev.tipflood.reports.html.Html.esc;

import dev.tipflood.reports.html.ChartStyle;
import dev.tipflood.reports.html.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code capacity.html}: the statement, one table and one set of curves per profile, the steps. */
public final class CapacityHtml {
  private static final String X = "flood intensity (x the scenario's junk peak rate)";

  private CapacityHtml() {
  }

  /** The page; run directories are linked relative to {@code into}, the directory the page is written to. */
  public static String of(CapacityReport r, Path into) {
    StringBuilder b = new StringBuilder(1 << 16);
    Page.open(b, "tipflood capacity: " + r.scenario());
    b.append("<h1>Capacity: ").append(esc(r.scenario())).append("</h1>\n");
    b.append("<p class=\"meta\">").append(esc(String.format(Locale.ROOT, "intensity 1\u00d7 = %s junk tips/s (every junk "
        + "population at its own peak rate, held steady) \u00b7 legit %s tips/s \u00b7 each step %.0f s warm-up (discarded) "
        + "+ %.0f s measured \u00b7 judged SLOs: %s \u00b7 budget %.0f s, took %.0f s%s", CapacityReport.number(
        r.junkPeakPerSecond()), CapacityReport.number(r.legitPerSecond()), r.warmUpSeconds(), r.measuredSeconds(),
        String.join(", ", r.judgedSlos()), r.budgetSeconds(), r.wallSeconds(), r.interrupted()
            ? " \u00b7 INTERRUPTED: only the steps done until then" : ""))).append("</p>\n");
    boolean anyHeld = r.curves().stream().anyMatch(c -> !Double.isNaN(c.breaking().held()));
    b.append("<p class=\"headline ").append(anyHeld ? "held" : "failed").append("\">").append(esc(r.statement()))
        .append("</p>\n");
    summary(b, r);
    b.append("<h2>Curves</h2>\n");
    curve(b, r, "goodput", "Legit goodput", "legit tips/s within the latency SLO", CapacityPoint::legitGoodput, false,
        "Legit tips accepted within the latency SLO per second of the measured window, against flood intensity. "
            + "Filled markers: every judged SLO held; the thick bar is the breaking-point bracket (last held to first "
            + "broken); the grey dot is Kneedle's knee of the curve.");
    curve(b, r, "p99", "Legit accept latency p99", "ms", CapacityPoint::legitP99Ms, true,
        "p99 of the accepted legit tips' latency (corrected), log scale. Gaps: no legit tip accepted.");
    curve(b, r, "ttr", "Legit time to review p95", "ms", CapacityPoint::legitTtrP95Ms, true,
        "p95 time from acceptance to a reviewer's verdict of the legit tips reviewed during the step (tips still waiting "
            + "are not counted, so short steps understate it). Gaps: none reviewed.");
    usl(b, r);
    steps(b, r, into);
    b.append("<p class=\"note\">Breaking point: the largest intensity at which every judged SLO held, below the smallest "
        + "at which one failed. Knee: Kneedle (Satopaa et al. 2011, sensitivity 1). USL: X(N) = \u03bbN / (1 + \u03c3(N-1) "
        + "+ \u03baN(N-1)) fitted by least squares to throughput (tips accepted per second) against offered load (tips "
        + "started per second), needing at least " + UslFit.MIN_POINTS + " steps. See docs/capacity.md.</p>\n");
    Page.close(b);
    return b.toString();
  }

  private static void summary(StringBuilder b, CapacityReport r) {
    b.append("<h2>Breaking points</h2>\n<table><tr><th class=\"l\">profile</th><th>held up to</th><th>broke at</th>"
        + "<th>estimate</th><th>bracket width</th><th>knee of goodput</th><th class=\"l\">USL fit</th><th>steps</th>"
        + "<th class=\"l\">search stopped</th></tr>\n");
    for (CapacityCurve c : r.curves()) {
      BreakingPoint bp = c.breaking();
      b.append("<tr><td class=\"l\">").append(esc(c.profile())).append("</td><td>").append(CapacityReport.times(bp.held()))
          .append("</td><td>").append(CapacityReport.times(bp.broke())).append("</td><td>")
          .append(CapacityReport.times(bp.estimate())).append("</td><td>")
          .append(Double.isNaN(bp.relativeWidth()) ? esc(bp.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
              : String.format(Locale.ROOT, "%.0f%%", 100 * bp.relativeWidth()))
          .append("</td><td>").append(c.knee().map(k -> CapacityReport.times(k.x())).orElse("none")).append("</td><td class=\"l\">")
          .append(esc(c.usl().map(CapacityHtml::usl).orElse("the data do not allow one (" + c.points().size()
              + " steps; " + UslFit.MIN_POINTS + " with throughput are needed)")))
          .append("</td><td>").append(c.steps().size()).append("</td><td class=\"l\">").append(esc(c.stopped()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  static String usl(UslModel m) {
    return String.format(Locale.ROOT, "\u03bb %s, \u03c3 %s, \u03ba %s, R\u00b2 %.3f; peak %s tips/s at %s offered",
        CapacityReport.number(m.lambda()), CapacityReport.number(m.sigma()), CapacityReport.number(m.kappa()), m.rSquared(),
        CapacityReport.number(m.peakThroughput()), CapacityReport.number(m.peakLoad()));
  }

  private static void curve(StringBuilder b, CapacityReport r, String id, String title, String unit,
                            ToDoubleFunction<CapacityPoint> y, boolean logY, String caption) {
    XYChart c = ChartStyle.chart(title + " against flood intensity", X, unit);
    c.getStyler().setXAxisLogarithmic(spansDecade(r)).setXAxisDecimalPattern("0.###");
    c.getStyler().setYAxisLogarithmic(logY);
    int points = 0;
    for (int i = 0; i < r.curves().size(); i++) {
      CapacityCurve cc = r.curves().get(i);
      List<CapacityPoint> ps = cc.points().stream().filter(p -> Double.isFinite(y.applyAsDouble(p))
          && (!logY || y.applyAsDouble(p) > 0)).toList();
      if (ps.isEmpty()) {
        continue;
      }
      XYSeries s = c.addSeries(cc.profile(), ps.stream().mapToDouble(CapacityPoint::intensity).toArray(),
          ps.stream().mapToDouble(y).toArray());
      Page.style(s, ChartStyle.marker(i), ChartStyle.line(0), ChartStyle.colour(i));
      points += ps.size();
      List<CapacityPoint> failed = ps.stream().filter(p -> !p.passed()).toList();
      if (!failed.isEmpty()) {
        XYSeries f = c.addSeries(cc.profile() + ": SLO failed", failed.stream().mapToDouble(CapacityPoint::intensity)
            .toArray(), failed.stream().mapToDouble(y).toArray());
        Page.style(f, SeriesMarkers.CROSS, SeriesLines.NONE, ChartStyle.colour(i));
        f.setMarkerColor(java.awt.Color.BLACK);
      }
      BreakingPoint bp = cc.breaking();
      if (bp.status() == BreakingPoint.Status.BRACKETED) {
        double level = ps.stream().filter(p -> p.intensity() == bp.held()).mapToDouble(y).findFirst()
            .orElse(ps.get(0).intensity());
        XYSeries bar = c.addSeries(cc.profile() + ": breaking point " + CapacityReport.times(bp.held()) + "-"
            + CapacityReport.times(bp.broke()), new double[] {bp.held(), bp.broke()}, new double[] {level, level});
        Page.style(bar, SeriesMarkers.TRIANGLE_DOWN, new java.awt.BasicStroke(5f), ChartStyle.colour(i));
      }
      if ("goodput".equals(id) && cc.knee().isPresent()) {
        Kneedle.Knee k = cc.knee().get();
        XYSeries knee = c.addSeries(cc.profile() + ": knee " + CapacityReport.times(k.x()), new double[] {k.x()},
            new double[] {k.y()});
        Page.style(knee, SeriesMarkers.CIRCLE, SeriesLines.NONE, ChartStyle.colour(6));
        knee.setMarkerColor(new java.awt.Color(0, 0, 0, 90));
      }
    }
    if (points > 0) {
      Page.figure(b, id, caption, c, points);
    } else {
      b.append("<p class=\"note\">").append(esc(title)).append(": not measured in any step. ").append(esc(caption))
          .append("</p>\n");
    }
  }

  private static void usl(StringBuilder b, CapacityReport r) {
    XYChart c = ChartStyle.chart("Throughput against offered load, with the USL fit", "offered tips/s (all classes)",
        "accepted tips/s");
    int points = 0;
    for (int i = 0; i < r.curves().size(); i++) {
      CapacityCurve cc = r.curves().get(i);
      List<CapacityPoint> ps = cc.points().stream().filter(p -> Double.isFinite(p.offeredPerSecond())
          && Double.isFinite(p.acceptedPerSecond())).toList();
      if (ps.isEmpty()) {
        continue;
      }
      XYSeries s = c.addSeries(cc.profile() + " (measured)", ps.stream().mapToDouble(CapacityPoint::offeredPerSecond)
          .toArray(), ps.stream().mapToDouble(CapacityPoint::acceptedPerSecond).toArray());
      Page.style(s, ChartStyle.marker(i), SeriesLines.NONE, ChartStyle.colour(i));
      points += ps.size();
      if (cc.usl().isPresent()) {
        UslModel m = cc.usl().get();
        double max = ps.stream().mapToDouble(CapacityPoint::offeredPerSecond).max().orElse(1);
        double[] xs = new double[60];
        double[] ys = new double[60];
        for (int k = 0; k < xs.length; k++) {
          xs[k] = max * (k + 1) / xs.length;
          ys[k] = m.throughput(xs[k]);
        }
        XYSeries f = c.addSeries(cc.profile() + " USL (R\u00b2 " + String.format(Locale.ROOT, "%.2f", m.rSquared()) + ")",
            xs, ys);
        Page.style(f, SeriesMarkers.NONE, ChartStyle.line(1), ChartStyle.colour(i));
      }
    }
    if (points > 0) {
      Page.figure(b, "usl", "Each step's throughput (tips accepted per second, all classes) against its offered load; "
          + "dashed: the Universal Scalability Law fitted to them, where there are enough steps.", c, points);
    }
  }

  private static void steps(StringBuilder b, CapacityReport r, Path into) {
    b.append("<h2>Steps, in the order they ran</h2>\n<table><tr><th class=\"l\">profile</th><th>#</th><th>intensity</th>"
        + "<th>junk tips/s</th><th class=\"l\">verdict</th><th>legit goodput/s</th><th>legit p99 ms</th>"
        + "<th>legit TTR p95 s</th><th>accepted/s</th><th class=\"l\">run directory</th></tr>\n");
    for (CapacityCurve c : r.curves()) {
      int n = 1;
      for (CapacityPoint p : c.steps()) {
        String dir = p.runDirectory() == null ? "-" : relative(into, p.runDirectory());
        b.append("<tr><td class=\"l\">").append(esc(c.profile())).append("</td><td>").append(n++).append("</td><td>")
            .append(CapacityReport.times(p.intensity())).append("</td><td>").append(CapacityReport.number(
                p.junkTipsPerSecond())).append("</td><td class=\"l ").append(p.passed() ? "pass\">held" : "fail\">failed: "
                + esc(String.join(", ", p.failedSlos()))).append("</td><td>").append(CapacityReport.number(p.legitGoodput()))
            .append("</td><td>").append(CapacityReport.number(p.legitP99Ms())).append("</td><td>")
            .append(CapacityReport.number(p.legitTtrP95Ms() / 1000)).append("</td><td>")
            .append(CapacityReport.number(p.acceptedPerSecond())).append("</td><td class=\"l\">")
            .append(p.runDirectory() == null ? "-" : "<a href=\"" + esc(dir) + "/report.html\">" + esc(dir) + "</a>")
            .append("</td></tr>\n");
      }
    }
    b.append("</table>\n");
  }

  private static String relative(Path into, String dir) {
    try {
      return into.toAbsolutePath().relativize(Path.of(dir).toAbsolutePath()).toString();
    } catch (IllegalArgumentException e) {
      return dir;
    }
  }

  private static boolean spansDecade(CapacityReport r) {
    double min = r.curves().stream().flatMap(c -> c.points().stream()).mapToDouble(CapacityPoint::intensity)
        .filter(v -> v > 0).min().orElse(1);
    double max = r.curves().stream().flatMap(c -> c.points().stream()).mapToDouble(CapacityPoint::intensity).max()
        .orElse(1);
    return max / min >= 10;
  }
}
