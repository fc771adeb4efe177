package dev.tipflood.scenarios;

import dev.tipflood.scenarios.catalogue.Catalogue;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.reader.ScenarioReader;
import dev.tipflood.scenarios.validate.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point: load scenarios from files or from the built-in catalogue.
 *
 * <pre>{@code
 * Scenario flood = Scenarios.builtin("fancam-flood");
 * Scenario mine = Scenarios.load(Path.of("my-flood.yaml"));
 * Scenario either = Scenarios.resolve(args[0]);   // a built-in name or a file path
 * }</pre>
 *
 * Every method throws {@link ScenarioException} listing all problems with file, line, column,
 * field path, bad value and what would be valid.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** Loads and validates a scenario file. */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ScenarioException.of(file.toString(), "", file.toString(), "a readable scenario file (" + e + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses scenario YAML; {@code source} names it in error messages. */
    public static Scenario parse(String yaml, String source) {
        return ScenarioReader.read(yaml, source);
    }

    /** A built-in scenario by name. */
    public static Scenario builtin(String name) {
        String yaml = Catalogue.yaml(name).orElseThrow(() -> ScenarioException.of("builtin", "name", name,
                "a built-in scenario: " + String.join(", ", builtinNames())));
        return parse(yaml, Catalogue.label(name));
    }

    /** Names of the built-in scenarios. */
    public static List<String> builtinNames() {
        return Catalogue.names();
    }

    /** A built-in name, or else a path to a YAML file. */
    public static Scenario resolve(String nameOrPath) {
        if (builtinNames().contains(nameOrPath)) {
            return builtin(nameOrPath);
        }
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return load(path);
        }
        throw ScenarioException.of(nameOrPath, "", nameOrPath,
                "a built-in scenario (" + String.join(", ", builtinNames()) + ") or an existing YAML file");
    }
}
