package dev.tipflood.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.config.CountCap;
import dev.tipflood.server.tip.TipMetadata;

/**
 * Coverage-guided fuzzing of the metadata part's parser (Jazzer): any text is either a valid
 * {@link TipMetadata} (every documented rule holds) or refused with a 400/413 {@link ApiException};
 * nothing else escapes. Regression inputs: {@code MetadataParserFuzzTestInputs/}.
 */
class MetadataParserFuzzTest {
  private static final int MAX_DESCRIPTION = 100;
  private final MetadataParser parser = new MetadataParser(CountCap.of(MAX_DESCRIPTION));

  @FuzzTest(maxDuration = "10s")
  void anyTextIsValidMetadataOrARefusal(FuzzedDataProvider data) {
    String json = data.consumeRemainingAsString();
    TipMetadata m;
    try {
      m = parser.parse(json);
    } catch (ApiException refused) {
      assertThat(refused.status()).as(refused.getMessage()).isIn(400, 413);
      assertThat(refused.getMessage()).isNotBlank()
          .matches(dev.tipflood.server.api.error.PrintableLine.REGEX);
      return;
    }
    assertThat(m.lat()).isBetween(-90.0, 90.0);
    assertThat(m.lon()).isBetween(-180.0, 180.0);
    assertThat(m.description().codePointCount(0, m.description().length())).isLessThanOrEqualTo(MAX_DESCRIPTION);
    assertThat(m.deviceId()).matches("[\\x21-\\x7e]{1,128}");
    assertThat(m.occurredAt()).isNotNull();
  }
}
