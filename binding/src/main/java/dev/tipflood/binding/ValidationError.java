package dev.tipflood.binding;

/**
 * One problem in a scenario file.
 *
 * @param file     the file name or source label ({@code builtin:fancam-flood}, {@code <override>})
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param path     the field path, e.g. {@code populations[1].arrival.rate}
 * @param value    the bad value as written ({@code ""} when missing)
 * @param expected what would be valid
 */
public record ValidationError(String file, int line, int column, String path, String value, String expected) {

    /** {@code file:line:column: path: bad value 'v': expected}; "missing" instead of a value when absent. */
    public String message() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String what = value == null ? "missing" : "bad value '" + value + "'";
        return where + ": " + (path.isEmpty() ? "(root)" : path) + ": " + what + ": " + expected;
    }

    @Override
    public String toString() {
        return message();
    }
}
