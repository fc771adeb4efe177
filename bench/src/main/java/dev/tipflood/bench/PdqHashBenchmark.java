package dev.tipflood.bench;

import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImages;
import dev.tipflood.server.media.pdq.PdqResult;
import dev.tipflood.server.media.pdq.PdqViews;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PDQ of a 1600x1004 JPEG (Meta's bridge photo, {@code ../shared/data/pdq-reference}), with the
 * JPEG decode (bytes in memory to pixels, ImageIO) and the hash (pixels to hash and quality)
 * timed apart; and the five views an upload is matched with ({@link PdqViews#query}: whole, a centre
 * crop, three top cuts).
 * {@code -Dpdq.photo=FILE} hashes another picture.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PdqHashBenchmark {
  private final PdqHasher hasher = new PdqHasher();
  private byte[] jpeg;
  private BufferedImage decoded;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path photo = Path.of(System.getProperty("pdq.photo", "../shared/data/pdq-reference/bridge-mods/aaa-orig.jpg"));
    jpeg = Files.readAllBytes(photo);
    decoded = PdqImages.decode(jpeg, photo.toString());
    if (decoded.getWidth() * decoded.getHeight() < 1000) {
      throw new IllegalStateException(photo + " is too small to measure: " + decoded.getWidth() + "x" + decoded.getHeight());
    }
  }

  /** JPEG bytes to a BufferedImage. */
  @Benchmark
  public BufferedImage decode() {
    return PdqImages.decode(jpeg, "bench");
  }

  /** A decoded picture to its PDQ hash and quality. */
  @Benchmark
  public PdqResult hash() {
    return hasher.hash(decoded);
  }

  /** A decoded picture to the five view hashes an upload is matched with. */
  @Benchmark
  public PdqViews.Query hashQueryViews() {
    return PdqViews.query(hasher, decoded);
  }

  /** A decoded picture to the twelve view hashes a junk verdict is listed under. */
  @Benchmark
  public PdqViews.Listing hashListingViews() {
    return PdqViews.listing(hasher, decoded);
  }
}
