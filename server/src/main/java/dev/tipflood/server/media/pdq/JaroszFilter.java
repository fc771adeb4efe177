package dev.tipflood.server.media.pdq;

/**
 * The PDQ down-sampling blur (W. Jarosz, "Fast Image Convolutions", SIGGRAPH 2001): two X,Y
 * passes of a 1-D box filter make a tent filter whose support is about one 64th of the picture
 * each way, so each of the 64x64 samples taken afterwards averages its whole cell.
 *
 * <p>Each box is centred: output {@code k} is the mean of inputs {@code k - (W - H) .. k + H - 1}
 * with {@code H = (W + 2) / 2}, clipped at the edges (the mean is then over fewer inputs).
 */
final class JaroszFilter {
  static final int PASSES = 2;

  private JaroszFilter() {
  }

  /** Box width per pass for a dimension of {@code size} pixels going down to {@code target}. */
  static int windowSize(int size, int target) {
    return (size + 2 * target - 1) / (2 * target);
  }

  /** Blurs {@code pixels} ({@code rows x cols}, row-major) in place. */
  static void blur(float[] pixels, int rows, int cols, int rowWindow, int colWindow) {
    int longest = Math.max(rows, cols);
    float[] line = new float[longest];
    double[] prefix = new double[longest + 1];
    for (int pass = 0; pass < PASSES; pass++) {
      for (int r = 0; r < rows; r++) {
        box(pixels, r * cols, 1, cols, rowWindow, line, prefix);
      }
      for (int c = 0; c < cols; c++) {
        box(pixels, c, cols, rows, colWindow, line, prefix);
      }
    }
  }

  /** One centred box filter over {@code length} values starting at {@code from}, {@code stride} apart. */
  static void box(float[] v, int from, int stride, int length, int window, float[] line, double[] prefix) {
    int half = (window + 2) / 2;
    int before = window - half;
    int after = half - 1;
    prefix[0] = 0;
    for (int i = 0, at = from; i < length; i++, at += stride) {
      line[i] = v[at];
      prefix[i + 1] = prefix[i] + line[i];
    }
    for (int k = 0, at = from; k < length; k++, at += stride) {
      int lo = Math.max(0, k - before);
      int hi = Math.min(length - 1, k + after);
      v[at] = (float) ((prefix[hi + 1] - prefix[lo]) / (hi - lo + 1));
    }
  }

  /** The {@code target x target} samples at the centres of equal cells of the blurred picture. */
  static float[] decimate(float[] pixels, int rows, int cols, int target) {
    float[] out = new float[target * target];
    for (int i = 0; i < target; i++) {
      int r = (int) (((i + 0.5) * rows) / target);
      for (int j = 0; j < target; j++) {
        int c = (int) (((j + 0.5) * cols) / target);
        out[i * target + j] = pixels[r * cols + c];
      }
    }
    return out;
  }
}
