package dev.tipflood.server.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An error message that quotes client input is one printable line, and nothing else changes. */
class PrintableTextTest {
  static Stream<Arguments> texts() {
    return Stream.of(
        arguments("plain ASCII", "name 'x y'", "name 'x y'"),
        arguments("NUL, CR and LF", "a\u0000b\r\nc", "a\\x00b\\x0d\\x0ac"),
        arguments("DEL", "a\u007fb", "a\\x7fb"),
        arguments("NEL (U+0085), a line end to regex and some log viewers", "Cont\u0085ent", "Cont\\x85ent"),
        arguments("line and paragraph separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"),
        arguments("right-to-left override (Trojan Source)", "ok\u202egnp.exe", "ok\\u202egnp.exe"),
        arguments("bidi isolates and marks", "\u2066x\u2069\u200f\u061c", "\\u2066x\\u2069\\u200f\\u061c"),
        arguments("other scripts and emoji are kept", "\u00e9t\u00e9 \ud83d\ude00 \u4e2d", "\u00e9t\u00e9 \ud83d\ude00 \u4e2d"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void escapesWhatCouldBreakOrReorderALine(String what, String text, String printable) {
    assertThat(PrintableText.of(text)).isEqualTo(printable).matches(PrintableLine.REGEX);
    assertThat(PrintableText.of(printable)).as("idempotent").isEqualTo(printable);
  }

  @Test
  void everyApiErrorMessageIsPrintable() {
    String quoted = "unknown metadata field 'a\u0085b\u2028c'";
    String printable = "unknown metadata field 'a\\x85b\\u2028c'";
    assertThat(ApiException.of(ErrorCode.UNKNOWN_FIELD, quoted).getMessage()).isEqualTo(printable);
    assertThat(ApiException.retryLater(ErrorCode.UNKNOWN_FIELD, quoted, Duration.ofSeconds(1)).getMessage())
        .isEqualTo(printable);
  }
}
