package dev.tipflood.server.config;

/**
 * A count limit written as a positive integer or {@code unlimited}.
 *
 * @param value the limit; {@link Integer#MAX_VALUE} means unlimited
 */
public record CountCap(int value) {
  public static final String ALLOWED = "a whole number of at least 1, or 'unlimited'";
  public static final CountCap UNLIMITED = new CountCap(Integer.MAX_VALUE);

  public CountCap {
    if (value < 1) {
      throw new IllegalArgumentException("a count limit must be at least 1, got " + value);
    }
  }

  public static CountCap of(int value) {
    return new CountCap(value);
  }

  /** Parses {@code unlimited} or a positive integer. */
  public static CountCap parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("unlimited")) {
      return UNLIMITED;
    }
    try {
      int n = Integer.parseInt(t);
      if (n >= 1) {
        return new CountCap(n);
      }
    } catch (NumberFormatException e) {
      // falls through to the precise message below
    }
    throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
  }

  public boolean isUnlimited() {
    return value == Integer.MAX_VALUE;
  }

  /** Whether {@code n} exceeds this cap. */
  public boolean isExceededBy(long n) {
    return n > value;
  }

  @Override
  public String toString() {
    return isUnlimited() ? "unlimited" : Integer.toString(value);
  }
}
