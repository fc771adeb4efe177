package dev.tipflood.server.defence.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeaderTimeoutTest {
  private final HeaderTimeout header = new HeaderTimeout(Duration.ofSeconds(10));

  @Test
  void admitsEveryConnectionAtTheConnectionPoint() {
    assertThat(header.points()).containsExactly(Point.CONNECTION);
    assertThat(header.decide(Point.CONNECTION, new Attempt("10.0.0.1", -1, 0))).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void rejectsAHeadStillIncompleteAtTheTimeoutAndNotBefore() {
    assertThat(header.late(Duration.ofMillis(9_999).toNanos(), 12)).isInstanceOf(Decision.Admit.class);
    assertThat(header.late(Duration.ofSeconds(10).toNanos(), 12)).isInstanceOfSatisfying(Decision.Reject.class, r -> {
      assertThat(r.reason()).isEqualTo(Reason.HEADER_TIMEOUT);
      assertThat(r.reason().retryable()).isTrue();
      assertThat(r.waitNanos()).isZero();
      assertThat(r.detail()).contains("10000 ms", "ingress.headerTimeout", "12 bytes");
    });
  }

  @Test
  void aZeroTimeoutIsNotAPolicy() {
    assertThatThrownBy(() -> new HeaderTimeout(Duration.ZERO)).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("headerTimeout");
  }
}
