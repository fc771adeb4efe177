package dev.tipflood.server.media.pdq;

import java.util.Arrays;

/**
 * A 256-bit PDQ hash: immutable, compared by Hamming distance.
 *
 * <p>Bit {@code k} is the DCT coefficient {@code k = row * 16 + column} of the 16x16 block, set
 * when the coefficient is above the block's median. The hex form is Meta's: 64 lowercase digits,
 * most significant first, so the reference word 15 (bits 240..255) comes first and word 0 last.
 *
 * <pre>{@code
 * PdqHash a = PdqHash.fromHex("f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22");
 * boolean same = a.hammingDistance(b) <= PdqMatching.MAX_DISTANCE;
 * }</pre>
 */
public final class PdqHash {
  /** Bits in a hash. */
  public static final int BITS = 256;
  /** Hex digits in {@link #toHex()}. */
  public static final int HEX_LENGTH = 64;
  /** 16-bit words of a hash, as in Meta's index and hex layout. */
  public static final int WORDS = 16;

  private static final int LONGS = 4;

  /** {@code bits[q]} holds bits {@code 64q .. 64q+63}. */
  private final long[] bits;

  private PdqHash(long[] bits) {
    this.bits = bits;
  }

  /**
   * A hash from its four 64-bit quarters, least significant first: {@code q0} holds bits 0..63
   * (words 0..3), {@code q3} bits 192..255.
   */
  public static PdqHash of(long q0, long q1, long q2, long q3) {
    return new PdqHash(new long[] {q0, q1, q2, q3});
  }

  /** A hash from its 16 words ({@code words[i]} = bits {@code 16i .. 16i+15}, low 16 bits used). */
  public static PdqHash fromWords(int[] words) {
    if (words.length != WORDS) {
      throw new IllegalArgumentException("a PDQ hash has " + WORDS + " words, got " + words.length);
    }
    long[] b = new long[LONGS];
    for (int i = 0; i < WORDS; i++) {
      b[i >> 2] |= (long) (words[i] & 0xFFFF) << ((i & 3) * 16);
    }
    return new PdqHash(b);
  }

  /**
   * Parses 64 hex digits (either case), the format of {@code tipflood pdq} and Meta's tools.
   *
   * @throws IllegalArgumentException naming what is wrong: the length, or the first non-hex character
   */
  public static PdqHash fromHex(String hex) {
    if (hex.length() != HEX_LENGTH) {
      throw new IllegalArgumentException("a PDQ hash is " + HEX_LENGTH + " hex digits, got " + hex.length()
          + " characters");
    }
    long[] b = new long[LONGS];
    for (int i = 0; i < HEX_LENGTH; i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw new IllegalArgumentException("not a hex digit at position " + (i + 1) + ": '" + hex.charAt(i) + "'");
      }
      int bit = BITS - 4 * (i + 1);
      b[bit >> 6] |= (long) digit << (bit & 63);
    }
    return new PdqHash(b);
  }

  /** 64 lowercase hex digits, most significant first. */
  public String toHex() {
    StringBuilder sb = new StringBuilder(HEX_LENGTH);
    for (int q = LONGS - 1; q >= 0; q--) {
      String part = Long.toHexString(bits[q]);
      sb.append("0".repeat(16 - part.length())).append(part);
    }
    return sb.toString();
  }

  /** Number of bits in which the two hashes differ, 0..256. */
  public int hammingDistance(PdqHash other) {
    return Long.bitCount(bits[0] ^ other.bits[0]) + Long.bitCount(bits[1] ^ other.bits[1])
        + Long.bitCount(bits[2] ^ other.bits[2]) + Long.bitCount(bits[3] ^ other.bits[3]);
  }

  /** Word {@code i} (0..15): bits {@code 16i .. 16i+15}, as an int 0..65535. */
  public int word(int i) {
    return (int) (bits[i >> 2] >>> ((i & 3) * 16)) & 0xFFFF;
  }

  /** Quarter {@code q} (0..3): bits {@code 64q .. 64q+63}. */
  public long quarter(int q) {
    return bits[q];
  }

  /** Whether bit {@code k} (0..255) is set. */
  public boolean bit(int k) {
    return (bits[k >> 6] >>> (k & 63) & 1L) != 0;
  }

  /** This hash with bit {@code k} flipped. */
  public PdqHash flip(int k) {
    long[] b = bits.clone();
    b[k >> 6] ^= 1L << (k & 63);
    return new PdqHash(b);
  }

  /** Number of set bits (a PDQ hash of a real picture has about 128). */
  public int bitCount() {
    return Long.bitCount(bits[0]) + Long.bitCount(bits[1]) + Long.bitCount(bits[2]) + Long.bitCount(bits[3]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PdqHash h && Arrays.equals(bits, h.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
