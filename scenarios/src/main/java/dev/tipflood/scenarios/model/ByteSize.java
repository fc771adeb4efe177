package dev.tipflood.scenarios.model;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written strictly as a number followed directly by a unit.
 *
 * <p>Units are case-sensitive: {@code B}, decimal {@code KB MB GB} (powers of 1000) and binary
 * {@code KiB MiB GiB} (powers of 1024). Decimals are allowed ({@code 1.5GB}); spaces and other
 * spellings ({@code 3 mb}, {@code 3mb}, {@code 3M}) are rejected with {@link #EXPECTED}.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    /** What a valid size looks like, used in error messages. */
    public static final String EXPECTED =
            "a size like 512KB, 3MB, 1.5GB (decimal) or 64KiB, 2MiB (binary); units B KB MB GB KiB MiB GiB, no space";

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(B|KB|MB|GB|KiB|MiB|GiB)");
    private static final Map<String, Long> UNITS = Map.of(
            "B", 1L, "KB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L,
            "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);

    public ByteSize {
        Checks.of().check("bytes", bytes, Rule.NON_NEGATIVE).done();
    }

    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    /**
     * Parses {@code 3MB}, {@code 512KiB}, {@code 1.5GB}.
     *
     * @throws IllegalArgumentException with {@link #EXPECTED} when the text does not match
     */
    public static ByteSize parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        double value = Double.parseDouble(m.group(1)) * UNITS.get(m.group(2));
        return new ByteSize(Math.round(value));
    }

    /** This size multiplied by a similarity scale factor, at least one byte when non-zero. */
    public ByteSize scaled(double scale) {
        return bytes == 0 ? this : new ByteSize(Math.max(1, Math.round(bytes * scale)));
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return format(bytes);
    }

    /** Formats bytes with the largest decimal unit that keeps the number readable, e.g. {@code 2.5MB}. */
    public static String format(double bytes) {
        if (bytes >= 1e9) {
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
        return Rule.format(r);
    }
}
