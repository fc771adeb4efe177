package dev.tipflood.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.arrival.ArrivalSchedule;
import dev.tipflood.scenarios.arrival.PopulationSchedule;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
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

    @ParameterizedTest
    @MethodSource("names")
    void worstCaseRequestRateStaysInsideWhatGatlingDrivesOnTwoCores(String name) {
        Scenario s = Scenarios.builtin(name);
        double worst = 0;
        for (PopulationSchedule p : ArrivalSchedule.of(s).populations()) {
            double peak = Arrays.stream(p.ratePerSecond()).max().orElse(0);
            worst += peak * (1 + p.population().client().retry().max());
        }
        // VERSIONS.md: ~1.5k small POST/s on 2 cores with the server on the same machine.
        assertThat(worst).as("tips/s at peak, every attempt retried").isLessThan(1500);
    }

    @Test
    void smokeVariantsFinishWithinAMinute() {
        assertThat(Scenarios.builtinNames()).contains("smoke", "baseline-smoke", "fancam-flood-smoke");
        // baseline-smoke needs a minute: at the reviewers' 0.1 legit tips/s, 30 s would hold three tips.
        Scenarios.builtinNames().stream().filter(n -> n.endsWith("smoke")).map(Scenarios::builtin)
                .forEach(s -> assertThat(s.duration()).as(s.name())
                        .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(60)));
    }

    @Test
    void everyCatalogueEntryNamesAFlavourFromTheIssue() {
        assertThat(Scenarios.builtinNames()).contains("baseline", "fancam-flood", "retry-storm", "identity-rotation",
                "slow-uploads", "gif-spam", "hashtag-waves");
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
