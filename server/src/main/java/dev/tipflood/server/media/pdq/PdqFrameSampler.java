package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks up to {@code maxFrames} frames, evenly spread, from an animated GIF or an MJPEG AVI (the
 * corpus's video format), to hash each with {@link PdqHasher#hashFrames}. A still picture gives
 * its one frame. The container is recognised by its first bytes, not by its name.
 *
 * <pre>{@code
 * PdqFrameSampler sampler = new PdqFrameSampler(8);
 * List<PdqResult> frames = pdq.hashFrames(sampler.sample(path));
 * boolean junk = frames.stream().anyMatch(r -> r.usable() && !index.query(r.hash(), 31).isEmpty());
 * }</pre>
 *
 * <p>Blocking I/O and decoding: call it from a worker. Thread-safe (no mutable state).
 */
public final class PdqFrameSampler {
  /** Frames sampled by default. */
  public static final int DEFAULT_MAX_FRAMES = 8;
  /** A GIF is composited frame by frame up to the last sampled one: refuse more frames than this. */
  public static final int MAX_GIF_FRAMES = 2_000;

  private final int maxFrames;
  private final long maxPixels;

  /** Samples up to {@code maxFrames} frames of at most {@link PdqImages#DEFAULT_MAX_PIXELS} each. */
  public PdqFrameSampler(int maxFrames) {
    this(maxFrames, PdqImages.DEFAULT_MAX_PIXELS);
  }

  public PdqFrameSampler(int maxFrames, long maxPixels) {
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be at least 1, was " + maxFrames);
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be at least 1, was " + maxPixels);
    }
    this.maxFrames = maxFrames;
    this.maxPixels = maxPixels;
  }

  /** The sampled frames of a GIF, an MJPEG AVI, or the picture of any other image file. */
  public List<BufferedImage> sample(Path file) {
    try {
      return sample(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw PdqImageException.unreadable(file.toString(), e);
    }
  }

  /** Like {@link #sample(Path)} on bytes in memory; {@code source} names them in errors. */
  public List<BufferedImage> sample(byte[] bytes, String source) {
    if (GifFrames.isGif(bytes)) {
      return GifFrames.sample(bytes, source, maxFrames, maxPixels);
    }
    if (AviFrames.isAvi(bytes)) {
      List<byte[]> jpegs = AviFrames.videoChunks(bytes, source);
      List<BufferedImage> out = new ArrayList<>();
      for (int i : evenlySpaced(jpegs.size(), maxFrames)) {
        out.add(PdqImages.decode(jpegs.get(i), source + " frame " + i, maxPixels));
      }
      return out;
    }
    return List.of(PdqImages.decode(bytes, source, maxPixels));
  }

  /** {@code min(count, max)} indices of {@code 0..count-1}, each at the middle of an equal share. */
  static int[] evenlySpaced(int count, int max) {
    int n = Math.min(count, max);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) ((i + 0.5) * count / n);
    }
    return out;
  }
}
