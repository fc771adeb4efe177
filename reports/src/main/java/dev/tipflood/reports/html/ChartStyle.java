package dev.tipflood.reports.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Looks shared by every chart. Classes are told apart by marker shape, measures by line
 * style, and colours come from the Okabe-Ito palette, so no reader depends on colour alone.
 */
public final class ChartStyle {
  static final int WIDTH = 1100;
  static final int HEIGHT = 300;

  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
  private static final BasicStroke[] LINES = {stroke(), stroke(8f, 4f), stroke(2f, 3f), stroke(10f, 3f, 2f, 3f),
      stroke(4f, 4f)};
  private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
  static final Color UNAVAILABLE = new Color(0xE0, 0x40, 0x40, 0x38);

  private ChartStyle() {
  }

  public static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    var st = c.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotGridLinesColor(new Color(0xDDDDDD));
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    st.setLegendBorderColor(Color.WHITE);
    st.setChartTitleBoxVisible(false);
    st.setPlotBorderVisible(false);
    st.setMarkerSize(5);
    Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    st.setLegendFont(f);
    st.setAxisTickLabelsFont(f);
    st.setAxisTitleFont(f);
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    st.setAnnotationLineColor(new Color(0x444444));
    st.setAnnotationLineStroke(stroke(3f, 3f));
    st.setXAxisDecimalPattern("0");
    return c;
  }

  public static Marker marker(int classIndex) {
    return MARKERS[classIndex % MARKERS.length];
  }

  public static BasicStroke line(int measureIndex) {
    return LINES[measureIndex % LINES.length];
  }

  public static Color colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  private static BasicStroke stroke(float... dash) {
    return dash.length == 0 ? new BasicStroke(1.6f)
        : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }
}
