package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A picture's luma ({@link Luma}), row-major, and the views {@link PdqViews} hashes cut from it.
 * Computing the luma once and cutting views from it costs a copy per view instead of a colour
 * conversion per view. Immutable: every view is a new plane.
 */
final class LumaPlane {
  private final float[] values;
  private final int rows;
  private final int cols;

  private LumaPlane(float[] values, int rows, int cols) {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
  }

  static LumaPlane of(BufferedImage image) {
    return new LumaPlane(Luma.of(image), image.getHeight(), image.getWidth());
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** A copy of the samples, which the hasher may blur in place. */
  float[] copy() {
    return values.clone();
  }

  /** The top {@code share} of the rows (at least one). */
  LumaPlane top(double share) {
    int keep = Math.max(1, Math.min(rows, (int) Math.round(rows * share)));
    return new LumaPlane(Arrays.copyOf(values, keep * cols), keep, cols);
  }

  /**
   * The centre {@code 1/zoom} of each side, resampled bilinearly at sub-pixel positions, so a
   * zoom of 1.03 and one of 1.04 differ even on a picture a hundred pixels wide. The result keeps
   * the source's pixel pitch: about {@code cols/zoom} by {@code rows/zoom} samples.
   */
  LumaPlane centre(double zoom) {
    if (zoom < 1) {
      throw new IllegalArgumentException("a centre crop zooms in: zoom must be >= 1, got " + zoom);
    }
    int outCols = Math.max(1, (int) Math.round(cols / zoom));
    int outRows = Math.max(1, (int) Math.round(rows / zoom));
    double stepX = cols / zoom / outCols;
    double stepY = rows / zoom / outRows;
    double x0 = (cols - cols / zoom) / 2;
    double y0 = (rows - rows / zoom) / 2;
    float[] out = new float[outCols * outRows];
    for (int y = 0; y < outRows; y++) {
      double sy = clamp(y0 + (y + 0.5) * stepY - 0.5, rows);
      int iy = Math.min((int) sy, rows - 1);
      int iy1 = Math.min(iy + 1, rows - 1);
      float fy = (float) (sy - iy);
      for (int x = 0; x < outCols; x++) {
        double sx = clamp(x0 + (x + 0.5) * stepX - 0.5, cols);
        int ix = Math.min((int) sx, cols - 1);
        int ix1 = Math.min(ix + 1, cols - 1);
        float fx = (float) (sx - ix);
        float upper = values[iy * cols + ix] * (1 - fx) + values[iy * cols + ix1] * fx;
        float lower = values[iy1 * cols + ix] * (1 - fx) + values[iy1 * cols + ix1] * fx;
        out[y * outCols + x] = upper * (1 - fy) + lower * fy;
      }
    }
    return new LumaPlane(out, outRows, outCols);
  }

  private static double clamp(double v, int size) {
    return Math.max(0, Math.min(size - 1, v));
  }
}
