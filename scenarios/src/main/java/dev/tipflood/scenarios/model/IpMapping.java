package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How client IP addresses map to devices. Written {@code per-device}, {@code shared-nat:N}
 * (N devices share one address, as behind carrier-grade NAT) or {@code random} (a fresh
 * address per request, as with a proxy pool).
 */
public record IpMapping(Kind kind, int devicesPerAddress) {

    public static final String EXPECTED = "per-device, shared-nat:N (N devices per address, N >= 1) or random";
    private static final Pattern SHARED = Pattern.compile("shared-nat:(\\d{1,9})");

    /** The mapping families. */
    public enum Kind { PER_DEVICE, SHARED_NAT, RANDOM }

    public IpMapping {
        Checks.of().notNull("kind", kind).check("devicesPerAddress", devicesPerAddress, Rule.AT_LEAST_ONE).done();
    }

    public static IpMapping perDevice() {
        return new IpMapping(Kind.PER_DEVICE, 1);
    }

    /** Parses the YAML spelling; throws {@link IllegalArgumentException} with {@link #EXPECTED}. */
    public static IpMapping parse(String text) {
        if ("per-device".equals(text)) {
            return perDevice();
        } else if ("random".equals(text)) {
            return new IpMapping(Kind.RANDOM, 1);
        }
        Matcher m = SHARED.matcher(text == null ? "" : text);
        if (m.matches() && Integer.parseInt(m.group(1)) >= 1) {
            return new IpMapping(Kind.SHARED_NAT, Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException(EXPECTED);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PER_DEVICE -> "per-device";
            case RANDOM -> "random";
            case SHARED_NAT -> "shared-nat:" + devicesPerAddress;
        };
    }
}
