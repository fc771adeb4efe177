package dev.tipflood.server.tip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tip's id: 26 characters, lower-case hex of a millisecond timestamp then random bits, so ids
 * sort roughly by arrival and cannot be guessed.
 */
public record TipId(String value) {
  /** The form every id takes; used to reject ill-formed ids before any lookup. */
  public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{26}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public TipId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a tip id is 26 lower-case hex characters, got '" + value + "'");
    }
  }

  /** A new id for a tip received at {@code epochMillis}. */
  public static TipId next(long epochMillis) {
    byte[] random = new byte[7];
    RANDOM.nextBytes(random);
    return new TipId(String.format("%012x", epochMillis & 0xffff_ffff_ffffL) + HexFormat.of().formatHex(random));
  }

  /** Parses untrusted text; empty when it is not an id. */
  public static Optional<TipId> parse(String text) {
    return text != null && FORMAT.matcher(text).matches() ? Optional.of(new TipId(text)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
