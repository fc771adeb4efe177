package dev.tipflood.units;

/**
 * A bandwidth: a {@link ByteSize} per second, {@code 40MB/s} or {@code 512KiB/s}. Fields that
 * allow no limit also accept {@code unlimited} ({@link #parseOrUnlimited}).
 *
 * @param bytesPerSecond at least 1; {@link Long#MAX_VALUE} is {@link #UNLIMITED}
 */
public record ByteRate(long bytesPerSecond) {
  public static final String EXPECTED = "a bandwidth like 40MB/s or 512KiB/s (a size, as in 3MB or 2MiB, then /s; "
      + "no space; at least 1B/s)";
  public static final String EXPECTED_OR_UNLIMITED = EXPECTED + "; or 'unlimited'";
  public static final ByteRate UNLIMITED = new ByteRate(Long.MAX_VALUE);

  public ByteRate {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("a bandwidth must be at least 1B/s, got " + bytesPerSecond);
    }
  }

  /** Parses {@code <size>/s} strictly; the message names the text and {@link #EXPECTED}. */
  public static ByteRate parse(String text) {
    if (text == null || !text.endsWith("/s")) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is not " + EXPECTED);
    }
    long bytes;
    try {
      bytes = ByteSize.parse(text.substring(0, text.length() - 2)).bytes();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is not " + EXPECTED, e);
    }
    if (bytes < 1) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is not " + EXPECTED);
    }
    return new ByteRate(bytes);
  }

  /** Parses a bandwidth, or {@code unlimited}. */
  public static ByteRate parseOrUnlimited(String text) {
    if ("unlimited".equals(text)) {
      return UNLIMITED;
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is not " + EXPECTED_OR_UNLIMITED, e);
    }
  }

  public boolean isUnlimited() {
    return bytesPerSecond == Long.MAX_VALUE;
  }

  /** Multiplies by a similarity scale factor; unlimited stays unlimited; never below 1B/s. */
  public ByteRate scaled(double factor) {
    return isUnlimited() || factor == 1.0 ? this : new ByteRate(Math.max(1L, Math.round(bytesPerSecond * factor)));
  }

  /** The exact rate in the grammar {@link #parse} reads. */
  @Override
  public String toString() {
    return isUnlimited() ? "unlimited" : ByteSize.ofBytes(bytesPerSecond) + "/s";
  }

  /** A rounded, human figure, e.g. {@code 2.5MB/s}. */
  public String human() {
    return isUnlimited() ? "unlimited" : ByteSize.format(bytesPerSecond) + "/s";
  }
}
