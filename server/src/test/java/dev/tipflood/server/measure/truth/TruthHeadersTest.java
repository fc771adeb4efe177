package dev.tipflood.server.measure.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TruthHeadersTest {

  private final Map<String, String> headers = new HashMap<>();

  private TruthHeaders.Parsed parse() {
    return TruthHeaders.parse(headers::get);
  }

  @Test
  void fullHeadersParse() {
    headers.put("X-Tipflood-Truth", "junk");
    headers.put("X-Tipflood-Population", "fans_1");
    headers.put("X-Tipflood-Seq", "42");
    headers.put("X-Tipflood-Attempt", "3");
    assertThat(parse().label()).contains(new TruthLabel(Truth.JUNK, "fans_1", 42, 3));
    assertThat(parse().error()).isEmpty();
  }

  @Test
  void attemptDefaultsToOne() {
    headers.put("X-Tipflood-Truth", "legit");
    headers.put("X-Tipflood-Population", "witnesses");
    headers.put("X-Tipflood-Seq", "0");
    assertThat(parse().label()).contains(new TruthLabel(Truth.LEGIT, "witnesses", 0, 1));
  }

  @Test
  void noHeadersIsUnlabelledNotAnError() {
    assertThat(parse()).isEqualTo(new TruthHeaders.Parsed(Optional.empty(), Optional.empty()));
  }

  @Test
  void badValuesNameTheHeader() {
    headers.put("X-Tipflood-Truth", "Legit");
    headers.put("X-Tipflood-Population", "p");
    headers.put("X-Tipflood-Seq", "1");
    assertThat(parse().error()).contains("X-Tipflood-Truth must be legit or junk, was 'Legit'");

    headers.put("X-Tipflood-Truth", "legit");
    headers.put("X-Tipflood-Seq", "-1");
    assertThat(parse().error()).contains("X-Tipflood-Seq must be a whole number >= 0, was '-1'");

    headers.put("X-Tipflood-Seq", "1");
    headers.put("X-Tipflood-Population", "a b");
    assertThat(parse().error()).hasValueSatisfying(e -> e.startsWith("X-Tipflood-Population must be"));

    headers.put("X-Tipflood-Population", "p");
    headers.put("X-Tipflood-Attempt", "0");
    assertThat(parse().error()).contains("X-Tipflood-Attempt must be a whole number >= 1, was '0'");

    headers.clear();
    headers.put("X-Tipflood-Seq", "1");
    assertThat(parse().error()).contains("X-Tipflood-Truth is missing; it must be legit or junk");
  }

  @Test
  void registryAnswersTheOracleQuestion() {
    TruthRegistry registry = new TruthRegistry();
    registry.remember("t1", new TruthLabel(Truth.JUNK, "fans", 1, 1));
    assertThat(registry.trueLabel("t1")).contains(dev.tipflood.server.model.review.Label.JUNK);
    assertThat(registry.trueLabel("t2")).isEmpty();
    assertThat(registry.classOf("t1")).isEqualTo("junk");
    assertThat(registry.classOf("t2")).isEqualTo("unlabelled");
  }
}
