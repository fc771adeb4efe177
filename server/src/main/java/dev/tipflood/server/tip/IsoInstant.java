package dev.tipflood.server.tip;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The UTC ISO-8601 form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} without java.time's general
 * formatter and resolver, which took ~40% of encoding a journal record and ~45% of replaying
 * one. {@link #format} is identical to {@link Instant#toString()} for years 0000-9999 (seconds
 * always shown; a fraction of 3, 6 or 9 digits only as needed; other years fall back to it);
 * {@link #parseOrNull} reads exactly that form (a fraction of 1-9 digits) and leaves any other
 * text to java.time, so both paths agree on what is valid.
 */
public final class IsoInstant {
  private static final long SECONDS_PER_DAY = 86_400;

  private IsoInstant() {}

  /** As {@link Instant#toString()}. */
  public static String format(Instant t) {
    long seconds = t.getEpochSecond();
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(days);
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return t.toString();
    }
    int nanos = t.getNano();
    int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
    byte[] out = new byte[20 + (fraction == 0 ? 0 : fraction + 1)];
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int at = 19;
    if (fraction > 0) {
      out[at++] = '.';
      int scaled = fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1000 : nanos;
      digits(out, at, scaled, fraction);
      at += fraction;
    }
    out[at] = 'Z';
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * The instant of {@code t} when it has exactly the form {@code yyyy-MM-ddTHH:mm:ss[.d{1,9}]Z}
   * and is a valid date and time; {@code null} for anything else (including leap second 60),
   * which the caller then gives to java.time's parser to accept or reject.
   */
  public static Instant parseOrNull(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      nanos = digits(t, 20, fraction);
      if (nanos < 0) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (month < 1 || month > 12 || day < 1 || (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth())) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The decimal value of {@code n} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void digits(byte[] out, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
