package dev.tipflood.server.media.pdq;

/**
 * A picture's PDQ hash and its quality.
 *
 * @param hash    the 256-bit hash
 * @param quality 0..100: how much gradient the picture has at 64x64; below
 *                {@link PdqMatching#MIN_QUALITY} the hash is not trusted (flat or nearly flat pictures
 *                all hash alike)
 */
public record PdqResult(PdqHash hash, int quality) {
  public PdqResult {
    if (hash == null) {
      throw new IllegalArgumentException("hash must not be null");
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("quality must be 0..100, was " + quality);
    }
  }

  /** Whether the hash is good enough to match on ({@code quality >= MIN_QUALITY}). */
  public boolean usable() {
    return quality >= PdqMatching.MIN_QUALITY;
  }
}
