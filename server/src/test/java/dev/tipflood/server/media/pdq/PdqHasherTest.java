package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqHasherTest {
  private final PdqHasher pdq = new PdqHasher();
  private final BufferedImage picture = PdqQualityTest.blocks(400, 300, 10);

  @TempDir
  Path tmp;

  @Test
  void theHashIsDeterministicAndHalfTheBitsAreSet() {
    PdqResult a = pdq.hash(picture);
    assertThat(pdq.hash(picture)).isEqualTo(a);
    // Bits are set above the median of 256 coefficients: 128 of them, unless values tie.
    assertThat(a.hash().bitCount()).isEqualTo(128);
  }

  @Test
  void everyPixelLayoutGivesTheSameHash() {
    PdqResult rgb = pdq.hash(picture);
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB,
        BufferedImage.TYPE_INT_BGR}) {
      BufferedImage copy = convert(picture, type);
      assertThat(pdq.hash(copy).hash().hammingDistance(rgb.hash())).as("type %d", type).isLessThanOrEqualTo(2);
    }
    // A sub-image shares its parent's raster at an offset: read through getRGB, same result.
    BufferedImage big = new BufferedImage(420, 320, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = big.createGraphics();
    g.drawImage(picture, 7, 5, null);
    g.dispose();
    BufferedImage sub = big.getSubimage(7, 5, 400, 300);
    assertThat(pdq.hash(sub).hash()).isEqualTo(pdq.hash(convert(picture, BufferedImage.TYPE_3BYTE_BGR)).hash());
  }

  @Test
  void greySamplesAreTakenAsLuma() {
    BufferedImage grey = convert(picture, BufferedImage.TYPE_BYTE_GRAY);
    float[] luma = Luma.of(grey);
    byte[] raw = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    assertThat(luma[123]).isEqualTo(raw[123] & 0xFF);
  }

  @Test
  void aPictureAndItsNegativeAreFarApart() {
    BufferedImage negative = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        negative.setRGB(x, y, ~picture.getRGB(x, y));
      }
    }
    assertThat(pdq.hash(negative).hash().hammingDistance(pdq.hash(picture).hash())).isGreaterThan(200);
  }

  @Test
  void tinyPicturesHashWithoutError() {
    assertThat(pdq.hash(convert(PdqQualityTest.blocks(3, 2, 1), BufferedImage.TYPE_INT_RGB)).hash()).isNotNull();
  }

  @Test
  void jaroszWindowIsAHalfCellPerPass() {
    assertThat(JaroszFilter.windowSize(1024, 64)).isEqualTo(8);
    assertThat(JaroszFilter.windowSize(1600, 64)).isEqualTo(13);
    assertThat(JaroszFilter.windowSize(64, 64)).isEqualTo(1);
    float[] v = {0, 0, 9, 0, 0};
    JaroszFilter.box(v, 0, 1, 5, 3, new float[5], new double[6]);
    assertThat(v).containsExactly(0f, 3f, 3f, 3f, 0f);
  }

  @Test
  void decodesFilesAndBytesAndNamesWhatIsWrong() throws IOException {
    Path png = tmp.resolve("p.png");
    ImageIO.write(picture, "png", png.toFile());
    assertThat(pdq.hash(png)).isEqualTo(pdq.hash(picture));
    byte[] bytes = Files.readAllBytes(png);
    assertThat(pdq.hash(PdqImages.decode(bytes, "upload"))).isEqualTo(pdq.hash(picture));

    Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> PdqImages.decode(text)).isInstanceOf(PdqImageException.class)
        .hasMessage(text + ": not an image (no reader for its bytes)");
    Path truncated = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 3));
    assertThatThrownBy(() -> PdqImages.decode(truncated)).isInstanceOf(PdqImageException.class)
        .hasMessageStartingWith(truncated + ": cannot read image");
    assertThatThrownBy(() -> PdqImages.decode(tmp.resolve("missing.jpg"))).hasMessageEndingWith("no such file");
    assertThatThrownBy(() -> PdqImages.decode(png, 1000)).hasMessageContaining("400x300 pixels exceeds the limit");
  }

  @Test
  void aHugeDeclaredSizeIsRefusedBeforeDecoding() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", out);
    byte[] png = out.toByteArray();
    // IHDR width and height at bytes 16..23; the CRC no longer matches, but the size is read first.
    png[16] = 0;
    png[17] = 1;
    png[18] = 0;
    png[19] = 0;
    png[20] = 0;
    png[21] = 1;
    png[22] = 0;
    png[23] = 0;
    assertThatThrownBy(() -> PdqImages.decode(png, "bomb.png")).isInstanceOf(PdqImageException.class)
        .hasMessageContaining("bomb.png");
  }

  static BufferedImage convert(BufferedImage src, int type) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, null);
    g.dispose();
    return out;
  }
}
