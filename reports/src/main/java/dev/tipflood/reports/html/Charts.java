package dev.tipflood.reports.html;

import dev.tipflood.reports.analysis.Degradation;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.TimeSeries;
import dev.tipflood.reports.analysis.Unavailability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart from the analysis' time series. */
final class Charts {
  private static final String X = "seconds since the schedule started";

  private final RunAnalysis a;
  private final TimeSeries ts;
  private final double[] x;
  private final List<Figure> figures = new ArrayList<>();

  Charts(RunAnalysis a) {
    this.a = a;
    this.ts = a.series();
    this.x = new double[ts.buckets()];
    for (int i = 0; i < x.length; i++) {
      x[i] = ts.middle(i);
    }
  }

  List<Figure> all() {
    figures.clear();
    events();
    for (int i = 0; i < ts.classes().size(); i++) {
      rates(i);
    }
    open();
    latency();
    if (ts.server() != null) {
      heap();
      queues();
      review();
    }
    return List.copyOf(figures);
  }

  /** The events on the time axis, with /ready and the unavailable intervals. */
  private void events() {
    XYChart c = ChartStyle.chart("Availability and degradation events", X, "");
    c.getStyler().setYAxisMin(0.0).setYAxisMax(1.3).setYAxisTicksVisible(false);
    int points = shade(c, 1.0);
    if (ts.server() != null && has(ts.server().ready())) {
      XYSeries s = c.addSeries("/ready answered 200 (1) or not (0)", x, ts.server().ready());
      style(s, SeriesMarkers.SQUARE, ChartStyle.line(0), ChartStyle.colour(2));
      points += count(ts.server().ready());
    } else {
      double[] ones = new double[x.length];
      java.util.Arrays.fill(ones, 0.02);
      XYSeries s = c.addSeries("time axis (no /ready probes recorded)", x, ones);
      style(s, SeriesMarkers.NONE, ChartStyle.line(0), ChartStyle.colour(6));
      points += x.length;
    }
    int row = 0;
    for (Map.Entry<Double, String> e : eventMarks().entrySet()) {
      c.addAnnotation(new AnnotationLine(e.getKey(), true, false));
      c.addAnnotation(new AnnotationText(e.getValue(), e.getKey(), 1.25 - 0.1 * (row++ % 3), false));
    }
    add("events", "The time axis of the run. Shaded: unavailable seconds (/ready failing, or errors above "
        + pct(a.settings().errorShare()) + " of requests). Vertical dashed lines, on every chart: " + legend() + ".", c, points);
  }

  private void rates(int i) {
    TimeSeries.ClassSeries cs = ts.classes().get(i);
    XYChart c = ChartStyle.chart("Tips per second: " + cs.name() + " (" + (cs.legit() ? "legit" : "junk") + ")", X,
        "tips/s");
    double max = max(cs.offered(), cs.accepted(), cs.rejected(), cs.failed());
    shade(c, Math.max(1, max));
    int points = 0;
    String[] names = {"offered", "accepted", "rejected", "failed (timeout, connection error)"};
    double[][] values = {cs.offered(), cs.accepted(), cs.rejected(), cs.failed()};
    for (int m = 0; m < names.length; m++) {
      XYSeries s = c.addSeries(names[m], x, values[m]);
      style(s, ChartStyle.marker(m), ChartStyle.line(m), ChartStyle.colour(m));
      points += count(values[m]);
    }
    marks(c);
    add("rates-" + cs.name(), "Tips of " + cs.name() + " started (offered) per second, and how they ended, counted when "
        + "their last attempt ended" + bucketNote() + ". Lost tips never end: see the next chart.", c, points);
  }

  private void open() {
    XYChart c = ChartStyle.chart("Open tips (started, no final answer yet); at the end these are lost", X, "tips");
    double max = 1;
    for (TimeSeries.ClassSeries cs : ts.classes()) {
      max = Math.max(max, max(cs.open()));
    }
    shade(c, max);
    int points = 0;
    for (int i = 0; i < ts.classes().size(); i++) {
      TimeSeries.ClassSeries cs = ts.classes().get(i);
      classSeries(c, cs.name() + " (" + (cs.legit() ? "legit" : "junk") + ")", cs.open(), i, 0);
      points += count(cs.open());
    }
    marks(c);
    add("open", "Per class, tips started and not yet finished. A line that only climbs is a service that stopped answering; "
        + "its last value is the tips lost.", c, points);
  }

  private void latency() {
    XYChart c = ChartStyle.chart("Latency of accepted tips (corrected), log scale", X, "ms");
    c.getStyler().setYAxisLogarithmic(true);
    int points = 0;
    for (int i = 0; i < ts.classes().size(); i++) {
      TimeSeries.ClassSeries cs = ts.classes().get(i);
      if (has(cs.p50Ms())) {
        classSeries(c, cs.name() + " p50", cs.p50Ms(), i, 0);
        classSeries(c, cs.name() + " p99", cs.p99Ms(), i, 1);
        points += count(cs.p50Ms()) + count(cs.p99Ms());
      }
    }
    if (points == 0) {
      return;
    }
    marks(c);
    add("latency", "p50 (solid) and p99 (dashed) of the end-to-end latency of the tips accepted in each "
        + (ts.bucketSeconds() == 1 ? "second" : ts.bucketSeconds() + " s (their histograms merged)") + ", from their "
        + "intended send time; marker shape tells the class. Gaps: nothing accepted then.", c, points);
  }

  private void heap() {
    TimeSeries.ServerSeries s = ts.server();
    XYChart c = ChartStyle.chart("Server heap", X, "MiB");
    shade(c, s.heapMaxMb());
    XYSeries used = c.addSeries("heap used", x, s.heapUsedMb());
    style(used, SeriesMarkers.CIRCLE, ChartStyle.line(0), ChartStyle.colour(0));
    double[] maxLine = new double[x.length];
    java.util.Arrays.fill(maxLine, s.heapMaxMb());
    XYSeries max = c.addSeries("maximum heap (-Xmx)", x, maxLine);
    style(max, SeriesMarkers.NONE, ChartStyle.line(1), ChartStyle.colour(6));
    marks(c);
    add("heap", "Heap in use, sampled once a second by the server; gaps are seconds the server did not report "
        + "(sampler late, or server gone).", c, count(s.heapUsedMb()));
  }

  private void queues() {
    TimeSeries.ServerSeries s = ts.server();
    XYChart c = ChartStyle.chart("Queue depths", X, "tips waiting");
    shade(c, Math.max(1, max(s.processingQueued(), s.reviewQueued())));
    XYSeries p = c.addSeries("processing queue", x, s.processingQueued());
    style(p, SeriesMarkers.CIRCLE, ChartStyle.line(0), ChartStyle.colour(0));
    XYSeries r = c.addSeries("review backlog (waiting for a reviewer)", x, s.reviewQueued());
    style(r, SeriesMarkers.SQUARE, ChartStyle.line(1), ChartStyle.colour(1));
    marks(c);
    add("queues", "Tips waiting for a processing worker, and for a human reviewer (the review backlog).", c,
        count(s.processingQueued()) + count(s.reviewQueued()));
  }

  private void review() {
    TimeSeries.ServerSeries s = ts.server();
    XYChart c = ChartStyle.chart("Time to review, p95 over the verdicts so far", X, "s");
    int points = 0;
    int i = 0;
    for (Map.Entry<String, double[]> e : s.ttrP95Seconds().entrySet()) {
      if (has(e.getValue())) {
        classSeries(c, e.getKey() + " tips", e.getValue(), i, i);
        points += count(e.getValue());
      }
      i++;
    }
    if (points == 0) {
      return;
    }
    marks(c);
    add("review", "From the 201 to the simulated reviewer's verdict, per truth class. Tips still in the backlog are not in "
        + "it: read it with the backlog above.", c, points);
  }

  private static void style(XYSeries s, org.knowm.xchart.style.markers.Marker marker, java.awt.BasicStroke line,
                            java.awt.Color colour) {
    s.setMarker(marker);
    s.setLineStyle(line);
    s.setLineColor(colour);
    s.setMarkerColor(colour);
  }

  private void classSeries(XYChart c, String name, double[] values, int classIndex, int measure) {
    XYSeries s = c.addSeries(name, x, values);
    style(s, ChartStyle.marker(classIndex), ChartStyle.line(measure), ChartStyle.colour(classIndex));
  }

  /** Shades unavailable seconds up to {@code top}; returns 0 (shading is not data). */
  private int shade(XYChart c, double top) {
    List<Unavailability> u = a.degradation().unavailable();
    if (u.isEmpty()) {
      return 0;
    }
    // Per second, as step edges, whatever the bucket width of the data series.
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    xs.add(0.0);
    ys.add(0.0);
    for (Unavailability i : u) {
      xs.add((double) i.fromSecond());
      ys.add(0.0);
      xs.add((double) i.fromSecond());
      ys.add(top);
      xs.add((double) i.toSecond());
      ys.add(top);
      xs.add((double) i.toSecond());
      ys.add(0.0);
    }
    xs.add((double) ts.seconds());
    ys.add(0.0);
    XYSeries s = c.addSeries("unavailable", xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(ChartStyle.UNAVAILABLE);
    s.setFillColor(ChartStyle.UNAVAILABLE);
    return 0;
  }

  private void marks(XYChart c) {
    for (Double second : eventMarks().keySet()) {
      c.addAnnotation(new AnnotationLine(second, true, false));
    }
  }

  /** Event times and short labels. */
  private Map<Double, String> eventMarks() {
    Degradation d = a.degradation();
    Map<Double, String> m = new LinkedHashMap<>();
    d.firstSloBreach().ifPresent(e -> m.merge(e.second(), "first SLO breach", (p, q) -> p + " / " + q));
    d.firstReadyFailure().ifPresent(e -> m.merge(e.second(), "/ready first failed", (p, q) -> p + " / " + q));
    m.merge((double) d.floodEndSecond(), "flood ends", (p, q) -> p + " / " + q);
    d.recoverySeconds().ifPresent(r -> {
      if (!d.unavailable().isEmpty()) {
        m.merge((double) d.floodEndSecond() + r, "recovered", (p, q) -> p + " / " + q);
      }
    });
    if (d.metastable()) {
      m.merge((double) d.loadEndSecond() + a.settings().metastableAfterSeconds(), "still down: metastable",
          (p, q) -> p + " / " + q);
    }
    return m;
  }

  private String legend() {
    List<String> parts = new ArrayList<>();
    eventMarks().forEach((s, what) -> parts.add(what + " (" + Math.round(s) + " s)"));
    return String.join(", ", parts);
  }

  private void add(String id, String caption, XYChart c, int points) {
    figures.add(new Figure(id, caption, SvgChart.svg(c, "chart-" + id), points));
  }

  private String bucketNote() {
    return ts.bucketSeconds() == 1 ? "" : "; each point is the mean over " + ts.bucketSeconds() + " s";
  }

  private static boolean has(double[] v) {
    return count(v) > 0;
  }

  private static int count(double[] v) {
    int n = 0;
    for (double d : v) {
      if (!Double.isNaN(d)) {
        n++;
      }
    }
    return n;
  }

  private static double max(double[]... arrays) {
    double m = 0;
    for (double[] a : arrays) {
      for (double d : a) {
        if (!Double.isNaN(d)) {
          m = Math.max(m, d);
        }
      }
    }
    return m;
  }

  private static String pct(double share) {
    return Math.round(share * 100) + "%";
  }
}
