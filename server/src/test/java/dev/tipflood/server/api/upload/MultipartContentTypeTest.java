package dev.tipflood.server.api.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MultipartContentTypeTest {
  /** RFC 2046 section 5.1.1 as a regex: the reference the hand-written check must agree with. */
  private static final Pattern RFC_2046 =
      Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

  @Test
  void everyCharacterAtTheStartMiddleAndEndAgreesWithTheRfcGrammar() {
    for (char c = 0; c < 0x180; c++) {
      for (String b : new String[] {c + "abc", "ab" + c + "c", "abc" + c, String.valueOf(c)}) {
        assertThat(MultipartContentType.validBoundary(b)).as("boundary %s", b)
            .isEqualTo(RFC_2046.matcher(b).matches());
      }
    }
  }

  @Test
  void randomBoundariesOfEveryLengthAgreeWithTheRfcGrammar() {
    Random random = new Random(42);
    String alphabet = "aZ09'()+_,-./:=? \"\t;é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(74);
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertThat(MultipartContentType.validBoundary(s)).as("boundary '%s'", s)
          .isEqualTo(RFC_2046.matcher(s).matches());
    }
  }

  @ParameterizedTest(name = "[{index}] `{0}`")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "multipart/form-data; boundary=abc | abc",
      "Multipart/Form-Data;boundary=abc | abc",
      "` multipart/form-data ;  boundary = abc ` | abc",
      "multipart/form-data; charset=utf-8; boundary=\"a b:c\" | a b:c",
      "multipart/form-data; BOUNDARY=x; boundary=y | y",
      "multipart/form-data;; boundary=abc; | abc",
      "multipart/form-data; boundary=abc;charset=utf-8 | abc",
  })
  void findsTheBoundaryParameter(String contentType, String boundary) {
    assertThat(MultipartContentType.boundary(contentType)).isEqualTo(boundary);
  }

  @ParameterizedTest(name = "[{index}] `{0}`")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "application/json | NOT_MULTIPART | Content-Type is 'application/json'; a tip is multipart/form-data",
      "`;` | NOT_MULTIPART | Content-Type is ''; a tip is multipart/form-data",
      "` ` | NOT_MULTIPART | Content-Type is ''; a tip is multipart/form-data",
      "multipart/form-datax; boundary=a | NOT_MULTIPART | Content-Type is 'multipart/form-datax'",
      "multipart/mixed; boundary=a | NOT_MULTIPART | Content-Type is 'multipart/mixed'",
      "multipart/form-data | BOUNDARY_MISSING | Content-Type multipart/form-data has no boundary parameter",
      "multipart/form-data; | BOUNDARY_MISSING | has no boundary parameter",
      "multipart/form-data; boundary= | BOUNDARY_MISSING | has no boundary parameter",
      "multipart/form-data; boundary=\"\" | BOUNDARY_MISSING | has no boundary parameter",
      "multipart/form-data; =abc | BOUNDARY_MISSING | has no boundary parameter",
      "multipart/form-data; boundary=a{b | BOUNDARY_INVALID | the multipart boundary must be 1-70 characters",
  })
  void rejectsWithAPreciseCode(String contentType, ErrorCode code, String message) {
    assertThatThrownBy(() -> MultipartContentType.boundary(contentType))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  @Test
  void aMissingContentTypeIsNotMultipart() {
    assertThatThrownBy(() -> MultipartContentType.boundary(null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_MULTIPART));
  }

  @Test
  void recognisesANestedMixedPartOnlyByItsMediaType() {
    assertThat(MultipartContentType.isMixed("Multipart/Mixed; boundary=b")).isTrue();
    assertThat(MultipartContentType.isMixed(" multipart/mixed ")).isTrue();
    assertThat(MultipartContentType.isMixed("multipart/mixedx")).isFalse();
    assertThat(MultipartContentType.isMixed("text/plain; x=multipart/mixed")).isFalse();
    assertThat(MultipartContentType.isMixed(null)).isFalse();
    assertThat(MultipartContentType.mixedBoundary("multipart/mixed; boundary=\"inner\"")).isEqualTo("inner");
  }
}
