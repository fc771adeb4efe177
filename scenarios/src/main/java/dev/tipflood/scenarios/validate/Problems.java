package dev.tipflood.scenarios.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects validation errors so that all of them are reported at once. */
public final class Problems {
    private final String file;
    private final List<ValidationError> errors = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Records a problem. {@code value} null means the field is missing. */
    public void add(int line, int column, String path, String value, String expected) {
        errors.add(new ValidationError(file, line, column, path, value, expected));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a {@link ScenarioException} listing every error, in file order, if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            List<ValidationError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ValidationError::line).thenComparingInt(ValidationError::column));
            throw new ScenarioException(sorted);
        }
    }
}
