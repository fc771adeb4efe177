package dev.tipflood.server.media.pdq;

/**
 * The matching convention of Meta's ThreatExchange: two PDQ hashes match when their Hamming
 * distance is at most {@link #MAX_DISTANCE}, and hashes of quality below {@link #MIN_QUALITY} are
 * not matched at all (the caller's policy drops them before a lookup).
 */
public final class PdqMatching {
  /** Largest Hamming distance (of 256 bits) that counts as the same picture. */
  public static final int MAX_DISTANCE = 31;
  /** Smallest quality whose hash is matched or added to a blocklist. */
  public static final int MIN_QUALITY = 50;

  private PdqMatching() {
  }

  /** Whether two hashes are within {@link #MAX_DISTANCE}. */
  public static boolean matches(PdqHash a, PdqHash b) {
    return a.hammingDistance(b) <= MAX_DISTANCE;
  }

  /** Whether two results match and both are of usable quality. */
  public static boolean matches(PdqResult a, PdqResult b) {
    return a.usable() && b.usable() && matches(a.hash(), b.hash());
  }
}
