package dev.tipflood.server.media.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes pictures for hashing with {@code javax.imageio} (JPEG, PNG, GIF's first frame, BMP),
 * checking the declared size before allocating pixels, and never using ImageIO's disk cache.
 * Blocking I/O and CPU work: call it from a worker.
 */
public final class PdqImages {
  /** Default decode limit: 64 megapixels (8000x8000), about 256 MB of decoded pixels at worst. */
  public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;

  private PdqImages() {
  }

  /** Decodes the first picture of a file, up to {@link #DEFAULT_MAX_PIXELS}. */
  public static BufferedImage decode(Path file) {
    return decode(file, DEFAULT_MAX_PIXELS);
  }

  /**
   * Decodes the first picture of a file.
   *
   * @throws PdqImageException when the file is missing, not an image, corrupt, or larger than {@code maxPixels}
   */
  public static BufferedImage decode(Path file, long maxPixels) {
    String source = file.toString();
    if (!Files.isRegularFile(file)) {
      throw PdqImageException.malformed(source, Files.exists(file) ? "not a regular file" : "no such file");
    }
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      return read(in, source, maxPixels);
    } catch (IOException e) {
      throw PdqImageException.unreadable(source, e);
    }
  }

  /** Decodes the first picture in {@code bytes}, up to {@link #DEFAULT_MAX_PIXELS}; {@code source} names it in errors. */
  public static BufferedImage decode(byte[] bytes, String source) {
    return decode(bytes, source, DEFAULT_MAX_PIXELS);
  }

  /** Decodes the first picture in {@code bytes}, refusing more than {@code maxPixels} before decoding. */
  public static BufferedImage decode(byte[] bytes, String source, long maxPixels) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      return read(in, source, maxPixels);
    } catch (IOException e) {
      throw PdqImageException.unreadable(source, e);
    }
  }

  private static BufferedImage read(ImageInputStream in, String source, long maxPixels) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw PdqImageException.notAnImage(source);
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(in, true, true);
      long w = reader.getWidth(0);
      long h = reader.getHeight(0);
      if (w * h > maxPixels) {
        throw PdqImageException.tooLarge(source, w, h, maxPixels);
      }
      return reader.read(0);
    } catch (RuntimeException e) {
      throw PdqImageException.decoderFailed(source, e);
    } finally {
      reader.dispose();
    }
  }
}
