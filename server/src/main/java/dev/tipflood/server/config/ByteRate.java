package dev.tipflood.server.config;

/**
 * A bandwidth written as {@code 40MB/s}, {@code 512KB/s} (binary units, as {@link ByteSize}) or
 * {@code unlimited}.
 *
 * @param bytesPerSecond the rate; {@link Long#MAX_VALUE} means unlimited
 */
public record ByteRate(long bytesPerSecond) {
  public static final String ALLOWED = "a bandwidth like 40MB/s or 512KB/s (units B, KB, MB, GB per second) "
      + "or 'unlimited'";
  public static final ByteRate UNLIMITED = new ByteRate(Long.MAX_VALUE);

  public ByteRate {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("a bandwidth must be at least 1B/s, got " + bytesPerSecond);
    }
  }

  /** Parses a rate strictly; the message names the text and what is allowed. */
  public static ByteRate parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("unlimited")) {
      return UNLIMITED;
    }
    if (!t.endsWith("/s")) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
    ByteSize size;
    try {
      size = ByteSize.parse(t.substring(0, t.length() - 2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED, e);
    }
    if (size.isUnlimited() || size.bytes() < 1) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
    return new ByteRate(size.bytes());
  }

  public boolean isUnlimited() {
    return bytesPerSecond == Long.MAX_VALUE;
  }

  /** Multiplies by {@code factor} (similarity scaling); unlimited stays unlimited; never below 1B/s. */
  public ByteRate scaled(double factor) {
    return isUnlimited() || factor == 1.0 ? this : new ByteRate(Math.max(1L, Math.round(bytesPerSecond * factor)));
  }

  @Override
  public String toString() {
    return isUnlimited() ? "unlimited" : ByteSize.ofBytes(bytesPerSecond) + "/s";
  }
}
