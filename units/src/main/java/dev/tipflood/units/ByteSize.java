package dev.tipflood.units;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, in the one size grammar of scenarios, profiles and the CLI.
 *
 * <p>A size is a number followed directly by a case-sensitive unit: {@code B}; decimal
 * {@code KB MB GB TB} (powers of 1000); binary {@code KiB MiB GiB TiB} (powers of 1024).
 * Decimals are allowed ({@code 1.5GB}) when they come to whole bytes after rounding. {@code 0}
 * needs no unit. Everything else is refused, because it is ambiguous or a typo: a bare number
 * ({@code 512}: bytes? kilobytes?), lower case ({@code 3mb}, {@code 3kb}), one-letter units
 * ({@code 3M}, {@code 3K}), spaces ({@code 3 MB}), signs and exponents. Fields that allow no
 * limit also accept {@code unlimited} ({@link #parseOrUnlimited}).
 *
 * @param bytes the size in bytes; {@link Long#MAX_VALUE} is {@link #UNLIMITED}
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

  /** What a valid size looks like, for error messages. */
  public static final String EXPECTED =
      "a size like 512KB, 3MB, 1.5GB (decimal: 1MB = 1000000 bytes) or 64KiB, 2MiB (binary: 1MiB = 1048576 bytes); "
          + "units B KB MB GB TB KiB MiB GiB TiB, case-sensitive, no space; 0 needs no unit";
  /** The same, for fields that also take {@code unlimited}. */
  public static final String EXPECTED_OR_UNLIMITED = EXPECTED + "; or 'unlimited'";
  /** No limit. */
  public static final ByteSize UNLIMITED = new ByteSize(Long.MAX_VALUE);

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,19}(?:\\.\\d{1,9})?)(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");
  private static final Map<String, Long> UNITS = Map.of(
      "B", 1L, "KB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L, "TB", 1_000_000_000_000L,
      "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30, "TiB", 1L << 40);

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  public static ByteSize ofBytes(long bytes) {
    return new ByteSize(bytes);
  }

  /** {@code n} mebibytes (2^20 bytes each). */
  public static ByteSize ofMebibytes(long n) {
    return new ByteSize(Math.multiplyExact(n, 1L << 20));
  }

  /**
   * Parses a size strictly.
   *
   * @throws IllegalArgumentException naming the text and {@link #EXPECTED}
   */
  public static ByteSize parse(String text) {
    if ("0".equals(text)) {
      return new ByteSize(0);
    }
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(quote(text) + " is not " + EXPECTED);
    }
    java.math.BigDecimal exact = new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(UNITS.get(m.group(2))));
    if (exact.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE - 1)) > 0) {
      throw new IllegalArgumentException(quote(text) + " is too large: at most " + (Long.MAX_VALUE - 1) + "B");
    }
    return new ByteSize(exact.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
  }

  /** Parses a size, or {@code unlimited} for {@link #UNLIMITED}. */
  public static ByteSize parseOrUnlimited(String text) {
    if ("unlimited".equals(text)) {
      return UNLIMITED;
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(quote(text) + " is not " + EXPECTED_OR_UNLIMITED, e);
    }
  }

  static String quote(String text) {
    return text == null ? "nothing" : "'" + text + "'";
  }

  public boolean isUnlimited() {
    return bytes == Long.MAX_VALUE;
  }

  /** Whether {@code n} bytes exceed this cap. */
  public boolean isExceededBy(long n) {
    return n > bytes;
  }

  /** This size as an int for APIs that take one; unlimited and huge sizes saturate. */
  public int toIntSaturated() {
    return (int) Math.min(bytes, Integer.MAX_VALUE);
  }

  /** This size multiplied by a similarity scale factor; unlimited and zero stay; never below one byte. */
  public ByteSize scaled(double factor) {
    if (isUnlimited() || bytes == 0 || factor == 1.0) {
      return this;
    }
    return new ByteSize(Math.max(1, Math.round(bytes * factor)));
  }

  @Override
  public int compareTo(ByteSize other) {
    return Long.compare(bytes, other.bytes);
  }

  /**
   * The exact size in the grammar {@link #parse} reads: the largest unit that divides it, decimal
   * first ({@code 32MB}, {@code 32MiB}, {@code 1500B}), or {@code unlimited}.
   */
  @Override
  public String toString() {
    if (isUnlimited()) {
      return "unlimited";
    }
    if (bytes == 0) {
      return "0";
    }
    String[] units = {"TB", "TiB", "GB", "GiB", "MB", "MiB", "KB", "KiB"};
    for (String u : units) {
      long f = UNITS.get(u);
      if (bytes % f == 0) {
        return bytes / f + u;
      }
    }
    return bytes + "B";
  }

  /** A rounded, human figure in decimal units, e.g. {@code 2.5MB}: for reports, not for parsing back exactly. */
  public static String format(double bytes) {
    if (bytes >= 1e12) {
      return trim(bytes / 1e12) + "TB";
    } else if (bytes >= 1e9) {
      return trim(bytes / 1e9) + "GB";
    } else if (bytes >= 1e6) {
      return trim(bytes / 1e6) + "MB";
    } else if (bytes >= 1e3) {
      return trim(bytes / 1e3) + "KB";
    }
    return Math.round(bytes) + "B";
  }

  private static String trim(double v) {
    double r = Math.round(v * 1000) / 1000.0;
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }
}
