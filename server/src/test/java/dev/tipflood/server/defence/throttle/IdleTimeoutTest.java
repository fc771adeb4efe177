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

class IdleTimeoutTest {
  private final IdleTimeout idle = new IdleTimeout(Duration.ofSeconds(60));

  @Test
  void admitsEveryConnectionAtTheConnectionPoint() {
    assertThat(idle.points()).containsExactly(Point.CONNECTION);
    assertThat(idle.decide(Point.CONNECTION, new Attempt("10.0.0.1", -1, 0))).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void rejectsAConnectionSilentForTheTimeoutAndNotBefore() {
    assertThat(idle.idle(Duration.ofSeconds(59).toNanos())).isInstanceOf(Decision.Admit.class);
    Decision d = idle.idle(Duration.ofSeconds(60).toNanos());
    assertThat(d).isInstanceOfSatisfying(Decision.Reject.class, r -> {
      assertThat(r.reason()).isEqualTo(Reason.IDLE_TIMEOUT);
      assertThat(r.waitNanos()).isZero();
      assertThat(r.detail()).contains("60000 ms", "ingress.idleTimeout");
    });
    assertThat(d.label()).isEqualTo("reject");
  }

  @Test
  void aZeroTimeoutIsNotAPolicy() {
    assertThatThrownBy(() -> new IdleTimeout(Duration.ZERO)).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("idleTimeout");
  }
}
