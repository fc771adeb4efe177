package dev.tipflood.scenarios.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.ArrivalSpec;
import dev.tipflood.scenarios.model.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** YAML anchors, aliases and merge keys let one file share blocks between populations. */
class AnchorsTest {
    static final String SHARED = """
            name: shared
            description: two populations sharing blocks
            duration: 10s
            populations:
              - name: first
                truth: legit
                arrival: &steady {kind: poisson, rate: 2}
                media: &media {types: {none: {weight: 1}}}
                client: &client {timeout: 5s, retry: {on: [503], max: 2, backoff: none}}
              - name: second
                truth: legit
                arrival: *steady
                media: *media
                client:
                  <<: *client
                  timeout: 9s
            """;

    @Test
    void aliasesRepeatTheAnchoredBlock() {
        Scenario s = Scenarios.parse(SHARED, "shared.yaml");
        assertThat(s.populations().get(1).arrival()).isEqualTo(new ArrivalSpec.Poisson(2));
        assertThat(s.populations().get(1).media()).isEqualTo(s.populations().get(0).media());
    }

    @Test
    void mergeKeyCopiesFieldsTheMappingDoesNotSet() {
        Scenario s = Scenarios.parse(SHARED, "shared.yaml");
        assertThat(s.populations().get(1).client().timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(s.populations().get(1).client().retry()).isEqualTo(s.populations().get(0).client().retry());
    }

    @Test
    void unknownAliasIsAnError() {
        assertThat(ValidationMessagesTest.errors(SHARED.replace("arrival: *steady", "arrival: *stead")))
                .containsExactly("t.yaml:12:14: populations[1].arrival: bad value '*stead':"
                        + " unknown alias; define it first with &stead");
    }
}
