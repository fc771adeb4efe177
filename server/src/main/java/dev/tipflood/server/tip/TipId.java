package dev.tipflood.server.tip;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tip's id: 26 characters, lower-case hex of a 48-bit millisecond timestamp then 56 bits from a
 * cryptographically strong generator ({@link SecureRandom}, DRBG), so ids sort roughly by arrival,
 * do not collide, and cannot be guessed: the id is the only key to {@code GET /api/v1/tips/{id}}.
 * Even knowing a tip's arrival to the millisecond, a guess hits it with probability 2^-56
 * (about 1.4e-17); a million guesses a second would take over a thousand years on average.
 */
public record TipId(String value) {
  /** The form every id takes; used to reject ill-formed ids before any lookup. */
  public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{26}");
  /** How many bits of an id are unpredictable. */
  public static final int RANDOM_BITS = 56;
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  // One generator per thread: a shared SecureRandom would serialise every event loop's POSTs.
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TipId::strongRandom);

  public TipId {
    if (!wellFormed(value)) {
      throw new IllegalArgumentException("a tip id is 26 lower-case hex characters, got '" + value + "'");
    }
  }

  /** A new id for a tip received at {@code epochMillis}. */
  public static TipId next(long epochMillis) {
    // Built by hand: this runs once per POST on the event loop, where String.format is costly.
    char[] id = new char[26];
    hex(epochMillis, id, 0, 12);
    hex(RANDOM.get().nextLong() >>> (64 - RANDOM_BITS), id, 12, RANDOM_BITS / 4);
    return new TipId(new String(id));
  }

  private static SecureRandom strongRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom(); // the platform default, still cryptographically strong
    }
  }

  private static void hex(long value, char[] into, int from, int digits) {
    for (int i = from + digits - 1; i >= from; i--) {
      into[i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /** Parses untrusted text; empty when it is not an id. */
  public static Optional<TipId> parse(String text) {
    return wellFormed(text) ? Optional.of(new TipId(text)) : Optional.empty();
  }

  // Same rule as FORMAT, without a regex: ids are checked on every request.
  private static boolean wellFormed(String s) {
    if (s == null || s.length() != 26) {
      return false;
    }
    for (int i = 0; i < 26; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
