package dev.tipflood.reports.compare;

import static dev.tipflood.reports.html.Html.esc;

import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.analysis.TimeSeries;
import dev.tipflood.reports.analysis.Verdict;
import dev.tipflood.reports.html.ChartStyle;
import dev.tipflood.reports.html.Page;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** {@code compare.html}: the scorecard as one table with differences highlighted, the SLO verdicts, overlaid charts. */
public final class CompareHtml {
  private static final String X = "seconds since the schedule started";

  private CompareHtml() {
  }

  public static String of(Comparison c) {
    StringBuilder b = new StringBuilder(1 << 16);
    Page.open(b, "tipflood compare: " + c.scenario());
    b.append("<h1>Compare: ").append(esc(c.scenario())).append("</h1>\n<p class=\"meta\">");
    for (int i = 0; i < c.runs().size(); i++) {
      RunAnalysis.RunInfo r = c.runs().get(i).run();
      b.append(i == 0 ? "" : "<br>").append(esc(String.format(Locale.ROOT, "%s: %s \u00b7 %s \u00b7 schedule %.0f s \u00b7 "
          + "status %s \u00b7 started %s", c.labels().get(i), r.directory(), r.profile(), r.durationSeconds(), r.status(),
          r.startedAt())));
    }
    b.append("</p>\n");
    scorecard(b, c);
    slos(b, c);
    b.append("<h2>Over time, overlaid</h2>\n");
    overlay(b, c, "legit-accepted", "Legit tips accepted per second", "tips/s", ts -> sum(ts, true), false);
    overlay(b, c, "junk-accepted", "Junk tips accepted per second", "tips/s", ts -> sum(ts, false), false);
    overlay(b, c, "legit-p99", "Accepted legit latency p99 (corrected), log scale", "ms", CompareHtml::legitP99, true);
    overlay(b, c, "review-backlog", "Review backlog", "tips", ts -> ts.server() == null ? null : ts.server().reviewQueued(),
        false);
    overlay(b, c, "heap", "Server heap in use", "MiB", ts -> ts.server() == null ? null : ts.server().heapUsedMb(), false);
    b.append("<p class=\"note\">Highlighted rows: the runs differ by more than ").append(Math.round(100 * ScoreRow.DIFFERENCE))
        .append("% of the larger value; in them the best value is green and the worst red. Each run's reports: "
            + "report.html in its directory. See docs/capacity.md.</p>\n");
    Page.close(b);
    return b.toString();
  }

  private static void scorecard(StringBuilder b, Comparison c) {
    b.append("<h2>Ground-truth scorecard</h2>\n<table><tr><th class=\"l\">figure</th><th class=\"l\">unit</th>");
    c.labels().forEach(l -> b.append("<th>").append(esc(l)).append("</th>"));
    b.append("</tr>\n");
    for (ScoreRow r : c.rows()) {
      boolean differs = r.differs();
      b.append("<tr").append(differs ? " class=\"worst\"" : "").append("><td class=\"l\">").append(esc(r.title()))
          .append(differs ? " <b>(differs)</b>" : "").append("</td><td class=\"l\">").append(esc(r.unit())).append("</td>");
      double[] v = r.values();
      for (int i = 0; i < v.length; i++) {
        String cls = !differs ? "" : i == r.best() ? " class=\"pass\"" : i == r.worst() ? " class=\"fail\"" : "";
        b.append("<td").append(cls).append(">").append(format(v[i], r.unit())).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void slos(StringBuilder b, Comparison c) {
    b.append("<h2>SLO verdicts</h2>\n<table><tr><th class=\"l\">SLO</th><th>bound</th>");
    c.labels().forEach(l -> b.append("<th>").append(esc(l)).append("</th>"));
    b.append("</tr>\n");
    for (String name : SloVerdict.NAMES) {
      SloVerdict first = c.runs().get(0).slo(name);
      if (first == null) {
        continue;
      }
      boolean split = c.runs().stream().map(a -> a.slo(name)).map(v -> v == null ? null : v.verdict()).distinct().count() > 1;
      b.append("<tr").append(split ? " class=\"worst\"" : "").append("><td class=\"l\">").append(esc(name))
          .append(split ? " <b>(differs)</b>" : "").append("</td><td>").append(esc(first.comparison() + " "
              + format(first.bound(), first.unit()) + " " + first.unit())).append("</td>");
      for (RunAnalysis a : c.runs()) {
        SloVerdict v = a.slo(name);
        String cls = v == null ? "nm" : v.verdict() == Verdict.PASS ? "pass" : v.verdict() == Verdict.FAIL ? "fail" : "nm";
        b.append("<td class=\"").append(cls).append("\">").append(v == null ? "-" : esc(v.verdict().name().toLowerCase(
            Locale.ROOT).replace('_', ' ') + (Double.isFinite(v.measured()) ? " (" + format(v.measured(), v.unit()) + ")"
            : ""))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void overlay(StringBuilder b, Comparison c, String id, String title, String unit,
                              Function<TimeSeries, double[]> values, boolean logY) {
    XYChart chart = ChartStyle.chart(title, X, unit);
    chart.getStyler().setYAxisLogarithmic(logY);
    int points = 0;
    for (int i = 0; i < c.runs().size(); i++) {
      TimeSeries ts = c.runs().get(i).series();
      double[] y = values.apply(ts);
      if (y == null) {
        continue;
      }
      double[] x = new double[y.length];
      int finite = 0;
      for (int k = 0; k < y.length; k++) {
        x[k] = ts.middle(k);
        if (Double.isFinite(y[k]) && (!logY || y[k] > 0)) {
          finite++;
        } else if (logY) {
          y[k] = Double.NaN;
        }
      }
      if (finite == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(c.labels().get(i), x, y);
      Page.style(s, ChartStyle.marker(i), ChartStyle.line(i), ChartStyle.colour(i));
      points += finite;
    }
    if (points > 0) {
      Page.figure(b, id, title + ": one line per run (marker, dash and colour tell them apart).", chart, points);
    }
  }

  /** Legit (or junk) accepted tips per second, summed over the classes of that truth. */
  private static double[] sum(TimeSeries ts, boolean legit) {
    double[] out = new double[ts.buckets()];
    boolean any = false;
    for (TimeSeries.ClassSeries cs : ts.classes()) {
      if (cs.legit() == legit) {
        any = true;
        for (int k = 0; k < out.length; k++) {
          out[k] += cs.accepted()[k];
        }
      }
    }
    return any ? out : null;
  }

  /** The highest p99 of any legit class in each bucket. */
  private static double[] legitP99(TimeSeries ts) {
    double[] out = new double[ts.buckets()];
    java.util.Arrays.fill(out, Double.NaN);
    for (TimeSeries.ClassSeries cs : ts.classes()) {
      if (cs.legit()) {
        for (int k = 0; k < out.length; k++) {
          if (Double.isFinite(cs.p99Ms()[k])) {
            out[k] = Double.isNaN(out[k]) ? cs.p99Ms()[k] : Math.max(out[k], cs.p99Ms()[k]);
          }
        }
      }
    }
    return out;
  }

  static String format(double v, String unit) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    if ("ratio".equals(unit)) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%,.1f", v);
  }

}
