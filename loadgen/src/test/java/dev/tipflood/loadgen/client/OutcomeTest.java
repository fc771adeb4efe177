package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {
  @Test
  void aStatusIsItsOwnOutcome() {
    assertThat(Outcome.classify(503, 10, 1000).label()).isEqualTo("503");
    assertThat(Outcome.classify(201, 10, 1000).isSuccess()).isTrue();
    assertThat(Outcome.classify(429, 10, 1000).isSuccess()).isFalse();
  }

  @Test
  void noStatusAfterTheWholeTimeoutIsATimeout() {
    assertThat(Outcome.classify(null, 1_000_000, 1000)).isEqualTo(Outcome.TIMEOUT);
    assertThat(Outcome.classify(null, 990_000, 1000)).isEqualTo(Outcome.TIMEOUT);
  }

  @Test
  void noStatusEarlierIsAConnectionError() {
    assertThat(Outcome.classify(null, 500, 1000)).isEqualTo(Outcome.CONNECTION_ERROR);
    assertThat(Outcome.classify(null, 900_000, 1000)).isEqualTo(Outcome.CONNECTION_ERROR);
  }

  @Test
  void labelsRoundTrip() {
    for (Outcome o : new Outcome[] {Outcome.TIMEOUT, Outcome.CONNECTION_ERROR, Outcome.status(413)}) {
      assertThat(Outcome.parse(o.label())).isEqualTo(o);
    }
  }

  @Test
  void statusOutOfRangeIsRejected() {
    assertThatThrownBy(() -> Outcome.status(42)).hasMessageContaining("100..599");
  }
}
