package dev.tipflood.binding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Collects validation errors so that all of them are reported at once (scenarios and profiles alike). */
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

    /** Throws the exception {@code failure} makes of every error, in file order, if there are any. */
    public void throwIfAny(Function<List<ValidationError>, ? extends RuntimeException> failure) {
        if (!errors.isEmpty()) {
            List<ValidationError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ValidationError::line).thenComparingInt(ValidationError::column));
            throw failure.apply(sorted);
        }
    }
}
