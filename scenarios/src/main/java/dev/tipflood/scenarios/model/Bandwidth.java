package dev.tipflood.scenarios.model;

/**
 * A transfer rate, written as a {@link ByteSize} per second: {@code 64KB/s}, {@code 2MiB/s}.
 * Like byte sizes, bandwidths are multiplied by the scenario's {@code scale}.
 */
public record Bandwidth(long bytesPerSecond) {

    public static final String EXPECTED = "a rate like 64KB/s or 2MiB/s (a size followed by /s, no spaces)";

    public Bandwidth {
        Checks.of().check("bytesPerSecond", bytesPerSecond, Rule.POSITIVE).done();
    }

    /** Parses {@code 64KB/s}; throws {@link IllegalArgumentException} with {@link #EXPECTED}. */
    public static Bandwidth parse(String text) {
        if (text == null || !text.endsWith("/s")) {
            throw new IllegalArgumentException(EXPECTED);
        }
        try {
            long bytes = ByteSize.parse(text.substring(0, text.length() - 2)).bytes();
            if (bytes <= 0) {
                throw new IllegalArgumentException(EXPECTED);
            }
            return new Bandwidth(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EXPECTED, e);
        }
    }

    public Bandwidth scaled(double scale) {
        return new Bandwidth(Math.max(1, Math.round(bytesPerSecond * scale)));
    }

    @Override
    public String toString() {
        return ByteSize.format(bytesPerSecond) + "/s";
    }
}
