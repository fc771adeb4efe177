package dev.tipflood.reports.html;

import java.util.Objects;

/**
 * One chart of the report.
 *
 * @param id      HTML id
 * @param caption what it shows and how to read it
 * @param svg     the inline SVG
 * @param points  data points drawn (finite values over all series, shading excluded)
 */
record Figure(String id, String caption, String svg, int points) {
  Figure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(svg, "svg");
  }
}
