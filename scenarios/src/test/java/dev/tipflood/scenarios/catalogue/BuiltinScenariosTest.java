package dev.tipflood.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.arrival.ArrivalSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinScenariosTest {

    static Stream<String> names() {
        return Scenarios.builtinNames().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyBuiltinLoadsAndValidates(String name) {
        Scenario s = Scenarios.builtin(name);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.description()).hasSizeGreaterThan(80);
        assertThat(ArrivalSchedule.of(s).populations()).hasSameSizeAs(s.populations());
    }

    @Test
    void catalogueListsEveryYamlResource() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/scenarios"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - 5)))
                    .containsExactlyInAnyOrderElementsOf(Scenarios.builtinNames());
        }
    }
}
