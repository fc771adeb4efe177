package dev.tipflood.reports.html;

import org.jfree.svg.SVGGraphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/** Draws an XChart chart into an inline {@code <svg>} element with JFreeSVG. */
public final class SvgChart {
  private SvgChart() {
  }

  /**
   * The chart as one {@code <svg>} element. {@code id} prefixes JFreeSVG's clip-path ids, so
   * several charts can share one HTML page.
   */
  public static String svg(Chart<?, ?> chart, String id) {
    SVGGraphics2D g = new SVGGraphics2D(chart.getWidth(), chart.getHeight());
    g.setDefsKeyPrefix(id + "_");
    // One decimal is a tenth of a pixel: enough, and it halves the file (XChart draws text as outlines).
    g.setGeomDoubleConverter(SvgChart::oneDecimal);
    chart.paint(g, chart.getWidth(), chart.getHeight());
    return g.getSVGElement(id);
  }

  private static String oneDecimal(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths < 0 && tenths > -10 ? "-0." + (-tenths)
        : (tenths / 10) + "." + Math.abs(tenths % 10));
  }
}
