package dev.tipflood.binding;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the fields of one YAML mapping. Every field read is remembered, so {@link #build}
 * can report unknown fields; every failure is recorded so that all errors come out at once.
 */
public final class MapView {
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("([^\\[]+)(?:\\[(\\d+)])?");

    private final YNode.Mapping map;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private boolean failed;

    private MapView(YNode.Mapping map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** A view of {@code node}, or empty (with a recorded problem) when it is not a mapping. */
    public static Optional<MapView> of(YNode node, String path, Problems problems) {
        if (node instanceof YNode.Mapping m) {
            return Optional.of(new MapView(m, path, problems));
        }
        Conv.fail(problems, node, path, "a mapping of fields (key: value)");
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The raw node of a field, if present (marks the field as known). */
    public Optional<YNode> node(String key) {
        known.add(key);
        return Optional.ofNullable(map.values().get(key));
    }

    public boolean has(String key) {
        known.add(key);
        return map.values().containsKey(key);
    }

    /** A required field; records "missing" and returns null when absent. */
    public <T> T required(String key, Conv<T> conv, String expected) {
        Optional<YNode> n = node(key);
        if (n.isEmpty()) {
            problems.add(map.line(), map.column(), child(key), null, "required field; " + expected);
            failed = true;
            return null;
        }
        return convert(key, n.get(), conv);
    }

    /** An optional field with a default. */
    public <T> T optional(String key, Conv<T> conv, T defaultValue) {
        Optional<YNode> n = node(key);
        return n.isEmpty() ? defaultValue : convert(key, n.get(), conv);
    }

    /** An optional field without a default. */
    public <T> Optional<T> optional(String key, Conv<T> conv) {
        return Optional.ofNullable(optional(key, conv, null));
    }

    private <T> T convert(String key, YNode node, Conv<T> conv) {
        T v = conv.read(node, child(key), problems);
        failed |= v == null;
        return v;
    }

    /** Marks the view failed without a problem of its own (e.g. a nested object already reported). */
    public void markFailed() {
        failed = true;
    }

    /**
     * Reports unknown fields; then, if every field converted, builds the record and maps its
     * {@link InvalidFieldException} violations to the fields' positions. Returns null on failure.
     */
    public <T> T build(Supplier<T> constructor) {
        for (YNode.Key k : map.keys().values()) {
            if (!known.contains(k.name())) {
                problems.add(k.line(), k.column(), child(k.name()), k.name(),
                        "unknown field; valid fields here: " + String.join(", ", known));
                failed = true;
            }
        }
        if (failed) {
            return null;
        }
        try {
            return constructor.get();
        } catch (InvalidFieldException e) {
            for (InvalidFieldException.Violation v : e.violations()) {
                YNode at = locate(v.field());
                // Quote the value as the user wrote it (3MB), not as the model holds it (3000000).
                // A violation without a value of its own is "missing" only if the field is absent.
                String value = at instanceof YNode.Scalar s ? s.display()
                        : v.value() != null ? v.value()
                        : isField(at, v.field()) ? at.display() : null;
                problems.add(at.line(), at.column(), child(v.field()), value, v.expected());
            }
            return null;
        }
    }

    /** Whether {@code at} is the node of {@code field} itself, not an ancestor standing in for an absent field. */
    private boolean isField(YNode at, String field) {
        return at != map || field.isEmpty();
    }

    /** The node named by a relative path like {@code steps[1].at}, or the closest ancestor found. */
    private YNode locate(String field) {
        YNode at = map;
        for (String part : field.split("\\.")) {
            java.util.regex.Matcher m = INDEXED.matcher(part);
            if (!m.matches() || !(at instanceof YNode.Mapping mapping) || !mapping.values().containsKey(m.group(1))) {
                break;
            }
            at = mapping.values().get(m.group(1));
            if (m.group(2) != null && at instanceof YNode.Sequence seq && Integer.parseInt(m.group(2)) < seq.items().size()) {
                at = seq.items().get(Integer.parseInt(m.group(2)));
            }
        }
        return at;
    }
}
