package dev.tipflood.scenarios.validate;

import dev.tipflood.binding.ValidationError;
import java.util.List;

/**
 * A scenario could not be loaded or is invalid. The message lists every error, one a line,
 * each with file, line, column, field path, bad value and what would be valid.
 */
public final class ScenarioException extends RuntimeException {
    private final transient List<ValidationError> errors;

    public ScenarioException(List<ValidationError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    /** A single error with no position, e.g. for a missing file or a bad CLI override. */
    public static ScenarioException of(String file, String path, String value, String expected) {
        return new ScenarioException(List.of(new ValidationError(file, 0, 0, path, value, expected)));
    }

    public List<ValidationError> errors() {
        return errors;
    }

    private static String render(List<ValidationError> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size() == 1 ? "1 error in scenario" : errors.size() + " errors in scenario");
        for (ValidationError e : errors) {
            sb.append(System.lineSeparator()).append("  ").append(e.message());
        }
        return sb.toString();
    }
}
