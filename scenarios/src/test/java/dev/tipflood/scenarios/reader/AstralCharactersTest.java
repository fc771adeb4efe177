package dev.tipflood.scenarios.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A character outside the Basic Multilingual Plane (an emoji, two UTF-16 chars) anywhere in a
 * scenario, including across the YAML reader's 1024-char buffer boundary, where SnakeYAML's
 * stream reader threw IndexOutOfBoundsException (found by the scenario loader's fuzz target).
 */
class AstralCharactersTest {

    @ParameterizedTest
    @ValueSource(ints = {1020, 1021, 1022, 1023, 1024, 1025, 2047, 2048})
    void anEmojiAtAnyOffsetLoads(int offset) {
        // ValidationMessagesTest's minimal scenario, its description replaced.
        String head = "name: tiny\ndescription: ";
        String rest = ValidationMessagesTest.VALID.substring(ValidationMessagesTest.VALID.indexOf('\n', head.length()));
        String description = "x".repeat(offset - head.length()) + "\uD83D\uDCF9 fancam";
        assertThat(head.length() + description.indexOf('\uD83D')).isEqualTo(offset);
        assertThat(Scenarios.parse(head + description + rest, "t.yaml").description()).isEqualTo(description);
    }
}
