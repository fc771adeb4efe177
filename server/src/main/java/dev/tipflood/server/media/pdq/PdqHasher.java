package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Meta's PDQ perceptual hash, written from the published algorithm (ThreatExchange
 * {@code hashing.pdf}):
 * <ol>
 *   <li>luma of every pixel ({@link Luma});</li>
 *   <li>a tent blur sized to a 64th of the picture, then 64x64 samples ({@link JaroszFilter});</li>
 *   <li>quality from the gradients of those samples ({@link Quality});</li>
 *   <li>the 16x16 lowest non-constant DCT coefficients ({@link Dct16});</li>
 *   <li>one bit per coefficient: set when it is above their median.</li>
 * </ol>
 *
 * <p>Pure and thread-safe: no state but constants, so one instance serves every worker thread.
 * Hashing is CPU work of a few to tens of milliseconds; run it on a worker, never on an event loop.
 *
 * <pre>{@code
 * PdqHasher pdq = new PdqHasher();
 * BufferedImage img = PdqImages.decode(path);   // timed apart from hashing if wanted
 * PdqResult r = pdq.hash(img);
 * if (r.usable()) index.query(r.hash(), PdqMatching.MAX_DISTANCE);
 * }</pre>
 */
public final class PdqHasher {
  private static final int BLOCK = Dct16.IN;
  private static final int COEFFICIENTS = Dct16.OUT * Dct16.OUT;

  /** Hashes a decoded picture. */
  public PdqResult hash(BufferedImage image) {
    return hash(Luma.of(image), image.getHeight(), image.getWidth());
  }

  /** Hashes a view cut from a picture's luma ({@link PdqViews}); the plane is left as it was. */
  PdqResult hash(LumaPlane plane) {
    return hash(plane.copy(), plane.rows(), plane.cols());
  }

  /** Hashes {@code rows x cols} luma samples, blurring them in place. */
  private static PdqResult hash(float[] luma, int rows, int cols) {
    JaroszFilter.blur(luma, rows, cols, JaroszFilter.windowSize(cols, BLOCK), JaroszFilter.windowSize(rows, BLOCK));
    float[] block = JaroszFilter.decimate(luma, rows, cols, BLOCK);
    int quality = Quality.of(block);
    return new PdqResult(quantize(Dct16.transform(block)), quality);
  }

  /** Decodes a picture file with {@link PdqImages#decode(Path)} and hashes it. */
  public PdqResult hash(Path file) {
    return hash(PdqImages.decode(file));
  }

  /** Hashes each frame (sampled frames of a GIF or video, see {@link PdqFrameSampler}), in order. */
  public List<PdqResult> hashFrames(List<BufferedImage> frames) {
    return frames.stream().map(this::hash).toList();
  }

  /** Bit {@code k} set when coefficient {@code k} is above the median (the 128th smallest). */
  static PdqHash quantize(double[] coefficients) {
    double[] sorted = coefficients.clone();
    Arrays.sort(sorted);
    double median = sorted[COEFFICIENTS / 2 - 1];
    int[] words = new int[PdqHash.WORDS];
    for (int k = 0; k < COEFFICIENTS; k++) {
      if (coefficients[k] > median) {
        words[k >> 4] |= 1 << (k & 15);
      }
    }
    return PdqHash.fromWords(words);
  }
}
