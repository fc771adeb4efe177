package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Views cut from the luma are the same pixels as the picture's own crops. */
class LumaPlaneTest {
  private final PdqHasher pdq = new PdqHasher();
  private final BufferedImage bridge = PdqImages.decode(PdqReferenceData.dir().resolve("bridge-mods/aaa-orig.jpg"));

  @Test
  void aTopCutHashesAsTheSameRowsOfThePicture() {
    for (double share : PdqViews.TOP_SHARES) {
      int rows = (int) Math.round(bridge.getHeight() * share);
      PdqResult expected = pdq.hash(bridge.getSubimage(0, 0, bridge.getWidth(), rows));
      assertThat(pdq.hash(LumaPlane.of(bridge).top(share))).as("top %.2f", share).isEqualTo(expected);
    }
  }

  @Test
  void aCentreCropOnWholePixelsHashesAsTheSamePixelsOfThePicture() {
    // 1600x1004 at zoom 1.25: 1280x803.2 -> 1280x803 samples from x = 160; rows are resampled by
    // under a pixel, so the hashes agree within a few bits and match by far.
    PdqResult expected = pdq.hash(bridge.getSubimage(160, 100, 1280, 803));
    PdqResult resampled = pdq.hash(LumaPlane.of(bridge).centre(1.25));
    assertThat(resampled.hash().hammingDistance(expected.hash())).isLessThanOrEqualTo(8);
    assertThat(resampled.hash().hammingDistance(pdq.hash(bridge).hash())).isGreaterThan(PdqMatching.MAX_DISTANCE);
  }

  @Test
  void aCentreCropOfExactlyWholePixelsIsThoseSamples() {
    BufferedImage picture = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 200; x++) {
        picture.setRGB(x, y, (x * 7 + y * 13) % 256 * 0x010101);
      }
    }
    LumaPlane crop = LumaPlane.of(picture).centre(1.25);
    assertThat(crop.cols()).isEqualTo(160);
    assertThat(crop.rows()).isEqualTo(80);
    float[] samples = crop.copy();
    assertThat(samples[0]).isEqualTo((20 * 7 + 10 * 13) % 256, org.assertj.core.data.Offset.offset(0.01f));
    assertThat(samples[79 * 160 + 159]).isEqualTo((179 * 7 + 89 * 13) % 256, org.assertj.core.data.Offset.offset(0.01f));
  }

  @Test
  void aCentreCropZoomsIn() {
    assertThatThrownBy(() -> LumaPlane.of(bridge).centre(0.9)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a centre crop zooms in: zoom must be >= 1, got 0.9");
  }
}
