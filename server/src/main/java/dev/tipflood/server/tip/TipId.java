package dev.tipflood.server.tip;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A tip's id: 26 characters, lower-case hex of a 48-bit millisecond timestamp then 56 random
 * bits, so ids sort roughly by arrival and do not collide.
 */
public record TipId(String value) {
  /** The form every id takes; used to reject ill-formed ids before any lookup. */
  public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{26}");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  public TipId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a tip id is 26 lower-case hex characters, got '" + value + "'");
    }
  }

  /** A new id for a tip received at {@code epochMillis}. */
  public static TipId next(long epochMillis) {
    // Built by hand: this runs once per POST on the event loop, where String.format is costly.
    char[] id = new char[26];
    hex(epochMillis, id, 0, 12);
    hex(ThreadLocalRandom.current().nextLong() >>> 8, id, 12, 14);
    return new TipId(new String(id));
  }

  private static void hex(long value, char[] into, int from, int digits) {
    for (int i = from + digits - 1; i >= from; i--) {
      into[i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
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
