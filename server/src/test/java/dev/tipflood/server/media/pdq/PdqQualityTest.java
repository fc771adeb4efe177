package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quality tells a featureless picture, whose hash means nothing, from one worth matching. */
class PdqQualityTest {
  private final PdqHasher pdq = new PdqHasher();

  @Test
  void aFlatPictureHasQualityZero() {
    assertThat(pdq.hash(filled(640, 480, new Color(90, 140, 200))).quality()).isZero();
  }

  @Test
  void aGentleGradientIsBelowTheMatchingThreshold() {
    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        int v = 100 + x * 40 / 640;
        img.setRGB(x, y, new Color(v, v, v).getRGB());
      }
    }
    PdqResult r = pdq.hash(img);
    assertThat(r.quality()).isLessThan(PdqMatching.MIN_QUALITY);
    assertThat(r.usable()).isFalse();
  }

  @Test
  void aTexturedPictureHasFullQuality() {
    assertThat(pdq.hash(blocks(640, 480, 12)).quality()).isEqualTo(100);
  }

  @Test
  void qualityGrowsWithContrast() {
    int low = pdq.hash(checkerboard(40)).quality();
    int high = pdq.hash(checkerboard(120)).quality();
    assertThat(low).isLessThan(high);
    assertThat(low).isPositive();
  }

  @Test
  void qualitySumsTruncatedPercentSteps() {
    // One vertical edge of 255 between columns 31 and 32: 64 rows x 100 percent = 6400 -> 6400 / 90 = 71.
    float[] block = new float[64 * 64];
    for (int i = 0; i < 64; i++) {
      for (int j = 32; j < 64; j++) {
        block[i * 64 + j] = 255;
      }
    }
    assertThat(Quality.of(block)).isEqualTo(71);
  }

  private static BufferedImage filled(int w, int h, Color c) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  /** Random grey blocks of {@code cell} pixels: strong structure at the 64x64 scale. */
  static BufferedImage blocks(int w, int h, int cell) {
    SplittableRandom r = new SplittableRandom(3);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    for (int y = 0; y < h; y += cell) {
      for (int x = 0; x < w; x += cell) {
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(x, y, cell, cell);
      }
    }
    g.dispose();
    return img;
  }

  private static BufferedImage checkerboard(int contrast) {
    BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 512; y++) {
      for (int x = 0; x < 512; x++) {
        int v = 128 + (((x / 256) + (y / 256)) % 2 == 0 ? contrast : -contrast) / 2;
        img.setRGB(x, y, new Color(v, v, v).getRGB());
      }
    }
    return img;
  }
}
