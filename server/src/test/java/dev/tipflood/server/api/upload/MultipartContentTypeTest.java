package dev.tipflood.server.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

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
}
