package dev.tipflood.server.defence.triage.brownout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.triage.Pressure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrownoutTest {
  private boolean unhealthy;
  private long queued;
  private long uploads;
  private final Pressure pressure = new Pressure() {
    @Override
    public boolean unhealthy() {
      return unhealthy;
    }

    @Override
    public long queuedForProcessing() {
      return queued;
    }

    @Override
    public long activeUploads() {
      return uploads;
    }
  };
  private final Brownout brownout = new Brownout(new Brownout.Settings(400, 64, Duration.ofMinutes(10), Duration.ofMinutes(20)), pressure);

  private Decision decide() {
    return brownout.decide(Point.METADATA, new Attempt("10.0.0.1", 1000, 0));
  }

  @Test
  void withoutPressureTheMediaComesNow() {
    queued = 400;
    uploads = 64;
    assertThat(decide()).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void eachSignalAloneDefersTheMediaToTheSlot() {
    queued = 401;
    assertThat(decide()).isEqualTo(new Decision.Defer(Duration.ofMinutes(10).toNanos()));
    queued = 0;
    uploads = 65;
    assertThat(decide()).isInstanceOf(Decision.Defer.class);
    uploads = 0;
    unhealthy = true;
    assertThat(decide()).isInstanceOf(Decision.Defer.class);
  }

  @Test
  void itActsOnlyOnceTheMetadataIsKnown() {
    unhealthy = true;
    assertThat(brownout.points()).containsExactly(Point.METADATA);
    assertThat(brownout.decide(Point.HEADERS, new Attempt("10.0.0.1", 1000, 0))).isInstanceOf(Decision.Admit.class);
  }
}
