package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class PdqFrameSamplerTest {
  private final PdqHasher pdq = new PdqHasher();
  private final List<BufferedImage> pictures = List.of(PdqQualityTest.blocks(160, 120, 8),
      PdqHasherTest.convert(PdqQualityTest.blocks(160, 120, 20), BufferedImage.TYPE_INT_RGB),
      PdqQualityTest.blocks(160, 120, 5));

  @Test
  void picksFramesEvenlySpread() {
    assertThat(PdqFrameSampler.evenlySpaced(3, 8)).containsExactly(0, 1, 2);
    assertThat(PdqFrameSampler.evenlySpaced(100, 4)).containsExactly(12, 37, 62, 87);
    assertThat(PdqFrameSampler.evenlySpaced(1, 1)).containsExactly(0);
  }

  @Test
  void samplesTheFramesOfAnMjpegAvi() throws IOException {
    List<byte[]> jpegs = new ArrayList<>();
    for (BufferedImage p : pictures) {
      jpegs.add(encode(p, "jpeg"));
    }
    byte[] avi = avi(jpegs);
    List<PdqResult> hashes = pdq.hashFrames(new PdqFrameSampler(8).sample(avi, "clip.avi"));
    assertThat(hashes).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(hashes.get(i).hash().hammingDistance(pdq.hash(pictures.get(i)).hash())).isLessThanOrEqualTo(16);
    }
    assertThat(new PdqFrameSampler(2).sample(avi, "clip.avi")).hasSize(2);
  }

  @Test
  void samplesTheFramesOfAnAnimatedGif() throws IOException {
    byte[] gif = animatedGif(pictures);
    List<PdqResult> hashes = pdq.hashFrames(new PdqFrameSampler(8).sample(gif, "anim.gif"));
    assertThat(hashes).hasSize(3);
    for (int i = 0; i < 3; i++) {
      // The GIF palette costs a few bits.
      assertThat(hashes.get(i).hash().hammingDistance(pdq.hash(pictures.get(i)).hash())).isLessThanOrEqualTo(24);
    }
    // Frames differ, so sampling really walked the animation.
    assertThat(hashes.get(0).hash().hammingDistance(hashes.get(1).hash())).isGreaterThan(64);
  }

  @Test
  void aStillPictureIsOneFrame() throws IOException {
    assertThat(new PdqFrameSampler(8).sample(encode(pictures.get(0), "png"), "still.png")).hasSize(1);
  }

  @Test
  void aBrokenAviIsNamedByItsOffset() throws IOException {
    byte[] avi = avi(List.of(encode(pictures.get(0), "jpeg")));
    ByteBuffer.wrap(avi).order(ByteOrder.LITTLE_ENDIAN).putInt(12 + 4, 1 << 30);
    assertThatThrownBy(() -> new PdqFrameSampler(8).sample(avi, "bad.avi")).isInstanceOf(PdqImageException.class)
        .hasMessageStartingWith("bad.avi: chunk 'LIST' at offset 12 declares");
    byte[] empty = avi(List.of());
    assertThatThrownBy(() -> new PdqFrameSampler(8).sample(empty, "empty.avi"))
        .hasMessage("empty.avi: AVI without a compressed video frame (no ##dc chunk)");
    byte[] cut = Arrays.copyOf(avi(List.of(encode(pictures.get(0), "jpeg"))), 100);
    assertThatThrownBy(() -> new PdqFrameSampler(8).sample(cut, "cut.avi")).hasMessageContaining("RIFF declares");
  }

  private static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(PdqHasherTest.convert(img, BufferedImage.TYPE_3BYTE_BGR), format, out);
    return out.toByteArray();
  }

  /** The smallest AVI that holds frames: RIFF 'AVI ' with one LIST 'movi' of 00dc chunks. */
  private static byte[] avi(List<byte[]> frames) {
    int movi = 4;
    for (byte[] f : frames) {
      movi += 8 + f.length + (f.length & 1);
    }
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + movi).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(4 + 8 + movi).put(ascii("AVI "));
    b.put(ascii("LIST")).putInt(movi).put(ascii("movi"));
    for (byte[] f : frames) {
      b.put(ascii("00dc")).putInt(f.length).put(f);
      if ((f.length & 1) == 1) {
        b.put((byte) 0);
      }
    }
    return b.array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] animatedGif(List<BufferedImage> frames) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (BufferedImage f : frames) {
        writer.writeToSequence(new IIOImage(PdqHasherTest.convert(f, BufferedImage.TYPE_BYTE_INDEXED), null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
