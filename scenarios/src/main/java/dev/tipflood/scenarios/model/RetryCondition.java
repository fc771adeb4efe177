package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import java.util.regex.Pattern;

/**
 * When a client retries: a status code ({@code 429}), a status class ({@code 5xx}), a
 * {@code timeout} or a {@code connection-error}.
 */
public record RetryCondition(Kind kind, int status) {

    public static final String EXPECTED = "a status code 400-599 (e.g. 429), a class 4xx or 5xx, timeout or connection-error";
    private static final Pattern CLASS = Pattern.compile("([45])xx");

    /** Condition families. {@code status} is the code, or the class digit for {@code STATUS_CLASS}. */
    public enum Kind { STATUS, STATUS_CLASS, TIMEOUT, CONNECTION_ERROR }

    public RetryCondition {
        Checks.of().notNull("kind", kind).done();
    }

    /** Parses the YAML spelling; throws {@link IllegalArgumentException} with {@link #EXPECTED}. */
    public static RetryCondition parse(String text) {
        if ("timeout".equals(text)) {
            return new RetryCondition(Kind.TIMEOUT, 0);
        } else if ("connection-error".equals(text)) {
            return new RetryCondition(Kind.CONNECTION_ERROR, 0);
        } else if (text != null && CLASS.matcher(text).matches()) {
            return new RetryCondition(Kind.STATUS_CLASS, text.charAt(0) - '0');
        } else if (text != null && text.matches("[45]\\d\\d")) {
            return new RetryCondition(Kind.STATUS, Integer.parseInt(text));
        }
        throw new IllegalArgumentException(EXPECTED);
    }

    /** True when a response with this status should be retried under this condition. */
    public boolean matchesStatus(int code) {
        return kind == Kind.STATUS && code == status || kind == Kind.STATUS_CLASS && code / 100 == status;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> Integer.toString(status);
            case STATUS_CLASS -> status + "xx";
            case TIMEOUT -> "timeout";
            case CONNECTION_ERROR -> "connection-error";
        };
    }
}
