package dev.tipflood.server.defence.triage.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The area a tip line serves: a box ({@code minLat,minLon,maxLat,maxLon}) or a polygon
 * ({@code lat lon; lat lon; lat lon; ...}, at least three corners, WGS84 degrees). A point is
 * inside by the even-odd rule; points exactly on an edge may fall either way.
 */
public final class Jurisdiction {
  /** The City of Dallas, as a box around its limits. */
  public static final String DALLAS = "32.62,-96.999,33.023,-96.463";

  private final double[] lats;
  private final double[] lons;
  private final String text;

  private Jurisdiction(double[] lats, double[] lons, String text) {
    this.lats = lats;
    this.lons = lons;
    this.text = text;
  }

  /** Parses a box or a polygon; the message of the exception says what is valid. */
  public static Jurisdiction parse(String text) {
    String t = text.trim();
    if (!t.contains(";")) {
      String[] n = t.split(",");
      if (n.length != 4) {
        throw new IllegalArgumentException("'" + text + "' is neither a box 'minLat,minLon,maxLat,maxLon' nor a "
            + "polygon 'lat lon; lat lon; lat lon'");
      }
      double minLat = coordinate(n[0], 90);
      double minLon = coordinate(n[1], 180);
      double maxLat = coordinate(n[2], 90);
      double maxLon = coordinate(n[3], 180);
      if (minLat >= maxLat || minLon >= maxLon) {
        throw new IllegalArgumentException("box '" + text + "' needs minLat < maxLat and minLon < maxLon");
      }
      return new Jurisdiction(new double[] {minLat, minLat, maxLat, maxLat},
          new double[] {minLon, maxLon, maxLon, minLon}, t);
    }
    List<double[]> corners = new ArrayList<>();
    for (String corner : t.split(";")) {
      if (corner.isBlank()) {
        continue;
      }
      String[] n = corner.trim().split("[\\s,]+");
      if (n.length != 2) {
        throw new IllegalArgumentException("polygon corner '" + corner.trim() + "' must be 'lat lon'");
      }
      corners.add(new double[] {coordinate(n[0], 90), coordinate(n[1], 180)});
    }
    if (corners.size() < 3) {
      throw new IllegalArgumentException("a polygon needs at least three corners 'lat lon; lat lon; lat lon'");
    }
    return new Jurisdiction(corners.stream().mapToDouble(c -> c[0]).toArray(),
        corners.stream().mapToDouble(c -> c[1]).toArray(), t);
  }

  private static double coordinate(String s, double max) {
    double v;
    try {
      v = Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s.trim() + "' is not a number of degrees");
    }
    if (!(v >= -max && v <= max)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is outside -%.0f..%.0f degrees", s.trim(), max,
          max));
    }
    return v;
  }

  public boolean contains(double lat, double lon) {
    boolean inside = false;
    for (int i = 0, j = lats.length - 1; i < lats.length; j = i++) {
      if ((lats[i] > lat) != (lats[j] > lat)
          && lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
        inside = !inside;
      }
    }
    return inside;
  }

  @Override
  public String toString() {
    return text;
  }
}
