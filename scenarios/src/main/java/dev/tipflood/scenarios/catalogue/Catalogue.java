package dev.tipflood.scenarios.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The built-in scenarios: YAML resources under {@code /scenarios/}, listed in
 * {@code /scenarios/catalogue.txt} (a jar cannot be listed reliably, so the list is explicit;
 * a test keeps it complete).
 */
public final class Catalogue {
    private static final String ROOT = "/scenarios/";

    private Catalogue() {
    }

    /** Built-in names in catalogue order. */
    public static List<String> names() {
        return Arrays.stream(read("catalogue.txt").orElseThrow(() -> new IllegalStateException("catalogue.txt missing"))
                        .split("\n"))
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The YAML text of a built-in scenario, if there is one by that name. */
    public static Optional<String> yaml(String name) {
        return names().contains(name) ? read(name + ".yaml") : Optional.empty();
    }

    /** The source label used in error messages. */
    public static String label(String name) {
        return "builtin:" + name + ".yaml";
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = Catalogue.class.getResourceAsStream(ROOT + resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in scenario resource " + resource, e);
        }
    }
}
