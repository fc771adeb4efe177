package dev.tipflood.server.media.pdq;

import java.util.SplittableRandom;

/** Test helper: uniformly random hashes, and near variants with chosen bits flipped. */
final class RandomHashes {
  private RandomHashes() {
  }

  static PdqHash random(SplittableRandom r) {
    return PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
  }

  /** {@code hash} with {@code flips} distinct random bits flipped: exactly {@code flips} away. */
  static PdqHash near(PdqHash hash, int flips, SplittableRandom r) {
    boolean[] flipped = new boolean[PdqHash.BITS];
    PdqHash out = hash;
    for (int done = 0; done < flips; ) {
      int k = r.nextInt(PdqHash.BITS);
      if (!flipped[k]) {
        flipped[k] = true;
        out = out.flip(k);
        done++;
      }
    }
    return out;
  }

  /**
   * {@code hash} with {@code flips} bits flipped spread as evenly as possible over all 16 words:
   * the worst case for multi-index hashing (no word is left untouched when {@code flips >= 16}).
   */
  static PdqHash spread(PdqHash hash, int flips, SplittableRandom r) {
    PdqHash out = hash;
    int start = r.nextInt(16);
    for (int i = 0; i < flips; i++) {
      int word = (start + i) % PdqHash.WORDS;
      int bit = (i / PdqHash.WORDS + r.nextInt(16)) % 16;
      int k = word * 16 + bit;
      // two flips of one bit cancel; take the next free bit of the word instead
      while (out.bit(k) != hash.bit(k)) {
        k = word * 16 + (k + 1) % 16;
      }
      out = out.flip(k);
    }
    return out;
  }
}
