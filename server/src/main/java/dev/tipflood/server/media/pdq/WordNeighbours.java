package dev.tipflood.server.media.pdq;

import java.util.ArrayList;
import java.util.List;

/** The 16-bit values within a few bits of a word: the buckets a multi-index query probes. */
final class WordNeighbours {
  private static final int BITS = 16;
  /** Bit masks with 0, 1, 2 and 3 bits set: XOR with a word gives its neighbours at that radius. */
  private static final int[][] MASKS = masks(3);

  private WordNeighbours() {
  }

  /** {@code value} and every 16-bit value differing from it in at most {@code radius} bits. */
  static int[] within(int value, int radius) {
    int[] masks = MASKS[radius];
    int[] out = new int[masks.length];
    for (int i = 0; i < masks.length; i++) {
      out[i] = value ^ masks[i];
    }
    return out;
  }

  private static int[][] masks(int maxRadius) {
    int[][] byRadius = new int[maxRadius + 1][];
    for (int r = 0; r <= maxRadius; r++) {
      List<Integer> m = new ArrayList<>();
      for (int mask = 0; mask < 1 << BITS; mask++) {
        if (Integer.bitCount(mask) <= r) {
          m.add(mask);
        }
      }
      byRadius[r] = m.stream().mapToInt(Integer::intValue).toArray();
    }
    return byRadius;
  }
}
