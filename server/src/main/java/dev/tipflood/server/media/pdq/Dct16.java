package dev.tipflood.server.media.pdq;

/**
 * The 16x16 lowest non-constant frequencies of the 64x64 DCT-II: {@code B = D A D^T}, with
 * {@code D[i][j] = sqrt(2/64) cos(pi (i+1)(2j+1) / 128)}. Row 0 of a full DCT (the mean) is
 * skipped, so brightness alone does not move the hash.
 */
final class Dct16 {
  static final int IN = 64;
  static final int OUT = 16;
  private static final double[] D = matrix();

  private Dct16() {
  }

  private static double[] matrix() {
    double[] d = new double[OUT * IN];
    double scale = Math.sqrt(2.0 / IN);
    for (int i = 0; i < OUT; i++) {
      for (int j = 0; j < IN; j++) {
        d[i * IN + j] = scale * Math.cos(Math.PI / 2 / IN * (i + 1) * (2 * j + 1));
      }
    }
    return d;
  }

  /** {@code D A D^T} of a 64x64 row-major block, as a 16x16 row-major block. */
  static double[] transform(float[] a) {
    double[] t = new double[OUT * IN];
    for (int i = 0; i < OUT; i++) {
      for (int k = 0; k < IN; k++) {
        double dik = D[i * IN + k];
        for (int j = 0; j < IN; j++) {
          t[i * IN + j] += dik * a[k * IN + j];
        }
      }
    }
    double[] b = new double[OUT * OUT];
    for (int i = 0; i < OUT; i++) {
      for (int j = 0; j < OUT; j++) {
        double sum = 0;
        for (int k = 0; k < IN; k++) {
          sum += t[i * IN + k] * D[j * IN + k];
        }
        b[i * OUT + j] = sum;
      }
    }
    return b;
  }
}
