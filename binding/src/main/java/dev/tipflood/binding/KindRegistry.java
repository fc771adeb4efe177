package dev.tipflood.binding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the {@code kind:} names of one polymorphic part of the model to the builders that read
 * them. Each kind names the record it builds; the YAML fields of a kind are that record's
 * components, which is what the JSON Schema sync test checks.
 *
 * @param <C> context the builders need (e.g. the unit of a distribution)
 * @param <T> the model type built
 */
public final class KindRegistry<C, T> {

    /** Reads one kind's fields from a mapping. */
    @FunctionalInterface
    public interface Builder<C, T> {
        T build(MapView fields, C context);
    }

    /** A registered kind. */
    public record Kind<C, T>(String name, Class<? extends T> type, Builder<C, T> builder) {
    }

    private final String what;
    private final Map<String, Kind<C, T>> kinds = new LinkedHashMap<>();

    public KindRegistry(String what) {
        this.what = what;
    }

    public KindRegistry<C, T> register(String name, Class<? extends T> type, Builder<C, T> builder) {
        if (kinds.putIfAbsent(name, new Kind<>(name, type, builder)) != null) {
            throw new IllegalStateException("duplicate " + what + " " + name);
        }
        return this;
    }

    /** Registered kinds by name, in registration order. */
    public Map<String, Kind<C, T>> kinds() {
        return Collections.unmodifiableMap(kinds);
    }

    public String expected() {
        return "one of: " + String.join(", ", kinds.keySet());
    }

    /**
     * Reads a {@code {kind: name, ...}} mapping, or a bare {@code name} scalar for kinds whose
     * fields all have defaults. Returns null (with problems recorded) when invalid.
     */
    public T read(YNode node, String path, Problems problems, C context) {
        YNode mapping = node instanceof YNode.Scalar s && !s.isNull()
                ? new YNode.Mapping(Map.of("kind", new YNode.Key("kind", s.line(), s.column())), Map.of("kind", s),
                        s.line(), s.column())
                : node;
        Optional<MapView> view = MapView.of(mapping, path, problems);
        if (view.isEmpty()) {
            return null;
        }
        MapView fields = view.get();
        String name = fields.required("kind", Convs.text(what + ", " + expected()), what + ", " + expected());
        if (name == null) {
            return null;
        }
        Kind<C, T> kind = kinds.get(name);
        if (kind == null) {
            YNode at = fields.node("kind").orElse(mapping);
            problems.add(at.line(), at.column(), fields.child("kind"), name, "unknown " + what + "; " + expected());
            return null;
        }
        return kind.builder().build(fields, context);
    }

    /** This registry as a converter. */
    public Conv<T> conv(C context) {
        return (node, path, problems) -> read(node, path, problems, context);
    }
}
