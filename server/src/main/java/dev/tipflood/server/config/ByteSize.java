package dev.tipflood.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte count written as {@code 512}, {@code 64KB}, {@code 32MB}, {@code 2GB} (binary units:
 * 1KB = 1024 bytes) or {@code unlimited}.
 *
 * @param bytes the size in bytes; {@link Long#MAX_VALUE} means unlimited
 */
public record ByteSize(long bytes) {
  /** The literal allowed values, for error messages. */
  public static final String ALLOWED =
      "a size like 512, 64KB, 32MB or 2GB (units B, KB, MB, GB; 1KB = 1024 bytes) or 'unlimited'";
  public static final ByteSize UNLIMITED = new ByteSize(Long.MAX_VALUE);
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?");

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  public static ByteSize ofBytes(long bytes) {
    return new ByteSize(bytes);
  }

  public static ByteSize ofMegabytes(long mb) {
    return new ByteSize(mb * 1024 * 1024);
  }

  /**
   * Parses a size strictly.
   *
   * @throws IllegalArgumentException naming the bad text and what is allowed
   */
  public static ByteSize parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("unlimited")) {
      return UNLIMITED;
    }
    Matcher m = FORMAT.matcher(t.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor = switch (unit) {
      case "KB" -> 1024L;
      case "MB" -> 1024L * 1024;
      case "GB" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    return new ByteSize(Math.multiplyExact(n, factor));
  }

  public boolean isUnlimited() {
    return bytes == Long.MAX_VALUE;
  }

  /** This size as an int cap for APIs that take one; unlimited and huge sizes saturate. */
  public int toIntSaturated() {
    return (int) Math.min(bytes, Integer.MAX_VALUE);
  }

  /** Multiplies by {@code factor} (similarity scaling); unlimited stays unlimited; never below 1. */
  public ByteSize scaled(double factor) {
    if (isUnlimited() || factor == 1.0) {
      return this;
    }
    return new ByteSize(Math.max(1L, Math.round(bytes * factor)));
  }

  /** Whether {@code n} bytes exceed this cap. */
  public boolean isExceededBy(long n) {
    return n > bytes;
  }

  @Override
  public String toString() {
    if (isUnlimited()) {
      return "unlimited";
    }
    long gb = 1024L * 1024 * 1024;
    if (bytes != 0 && bytes % gb == 0) {
      return bytes / gb + "GB";
    }
    if (bytes != 0 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + "MB";
    }
    if (bytes != 0 && bytes % 1024 == 0) {
      return bytes / 1024 + "KB";
    }
    return Long.toString(bytes);
  }
}
