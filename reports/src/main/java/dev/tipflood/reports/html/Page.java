package dev.tipflood.reports.html;

import static dev.tipflood.reports.html.Html.esc;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/**
 * The pieces every self-contained tipflood page is made of (report, capacity, compare): the head
 * with the shared stylesheet, a figure with its inline SVG chart, the end.
 */
public final class Page {
  private Page() {
  }

  /** {@code <!DOCTYPE html>} up to and including {@code <body>}. */
  public static void open(StringBuilder b, String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title>")
        .append("<style>").append(HtmlReport.CSS).append("</style></head><body>\n");
  }

  /** A chart as a figure with its caption; {@code points} is how many data points it draws. */
  public static void figure(StringBuilder b, String id, String caption, XYChart chart, int points) {
    b.append("<figure id=\"").append(esc(id)).append("\" data-points=\"").append(points).append("\">")
        .append(SvgChart.svg(chart, "chart-" + id)).append("<figcaption>").append(esc(caption))
        .append("</figcaption></figure>\n");
  }

  /** Marker, line and colour of a series. */
  public static void style(XYSeries s, Marker marker, BasicStroke line, Color colour) {
    s.setMarker(marker);
    s.setLineStyle(line);
    s.setLineColor(colour);
    s.setMarkerColor(colour);
  }

  public static void close(StringBuilder b) {
    b.append("</body></html>\n");
  }
}
