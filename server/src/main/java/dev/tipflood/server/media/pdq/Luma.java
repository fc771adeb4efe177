package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Rec. 601 luma ({@code 0.299 R + 0.587 G + 0.114 B}, 0..255) of every pixel, row-major. Alpha is
 * ignored, as in the reference hashers. The common decoded layouts are read straight from their
 * rasters; anything else goes through {@link BufferedImage#getRGB}.
 */
final class Luma {
  static final float R = 0.299f;
  static final float G = 0.587f;
  static final float B = 0.114f;

  private Luma() {
  }

  static float[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] out = new float[w * h];
    boolean plain = image.getRaster().getParent() == null && image.getRaster().getSampleModelTranslateX() == 0
        && image.getRaster().getSampleModelTranslateY() == 0;
    switch (plain ? image.getType() : BufferedImage.TYPE_CUSTOM) {
      case BufferedImage.TYPE_3BYTE_BGR -> fromBgr(bytes(image), 3, out);
      case BufferedImage.TYPE_4BYTE_ABGR -> fromBgr(bytes(image), 4, out);
      case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> fromInts(ints(image), out);
      // Grey samples are luma already (getRGB would pass them through a gamma curve).
      case BufferedImage.TYPE_BYTE_GRAY -> fromGrey(bytes(image), out);
      default -> fromRgbRows(image, out);
    }
    return out;
  }

  private static byte[] bytes(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  private static int[] ints(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  /** Interleaved bytes, last three of each pixel B, G, R (ABGR keeps alpha first). */
  private static void fromBgr(byte[] data, int stride, float[] out) {
    int first = stride - 3;
    for (int p = 0, i = first; p < out.length; p++, i += stride) {
      out[p] = R * (data[i + 2] & 0xFF) + G * (data[i + 1] & 0xFF) + B * (data[i] & 0xFF);
    }
  }

  private static void fromInts(int[] data, float[] out) {
    for (int p = 0; p < out.length; p++) {
      out[p] = of(data[p]);
    }
  }

  private static void fromGrey(byte[] data, float[] out) {
    for (int p = 0; p < out.length; p++) {
      out[p] = data[p] & 0xFF;
    }
  }

  private static void fromRgbRows(BufferedImage image, float[] out) {
    int w = image.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        out[y * w + x] = of(row[x]);
      }
    }
  }

  private static float of(int rgb) {
    return R * (rgb >> 16 & 0xFF) + G * (rgb >> 8 & 0xFF) + B * (rgb & 0xFF);
  }
}
