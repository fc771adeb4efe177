package dev.tipflood.server.media.pdq;

/**
 * PDQ quality: the summed absolute difference between neighbouring samples of the 64x64 block,
 * each in percent of full scale and truncated, divided by 90 and capped at 100. A flat or nearly
 * flat picture scores near 0; a photograph with texture scores 100.
 */
final class Quality {
  private static final int SIZE = Dct16.IN;

  private Quality() {
  }

  static int of(float[] block64) {
    long sum = 0;
    for (int i = 0; i < SIZE - 1; i++) {
      for (int j = 0; j < SIZE; j++) {
        sum += step(block64[i * SIZE + j], block64[(i + 1) * SIZE + j]);
      }
    }
    for (int i = 0; i < SIZE; i++) {
      for (int j = 0; j < SIZE - 1; j++) {
        sum += step(block64[i * SIZE + j], block64[i * SIZE + j + 1]);
      }
    }
    return (int) Math.min(100, sum / 90);
  }

  private static int step(float u, float v) {
    return (int) Math.abs((u - v) * 100 / 255);
  }
}
