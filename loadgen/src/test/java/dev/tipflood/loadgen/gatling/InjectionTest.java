package dev.tipflood.loadgen.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionTest {
  @Test
  void oneRampPerBusySecondAndOneNothingForPerIdleRun() {
    assertThat(Injection.open(List.of(0, 0, 3, 4, 0, 5))).hasSize(5);
  }

  @Test
  void anIdleScheduleStillHasAStep() {
    assertThat(Injection.open(List.of(0, 0))).hasSize(1);
  }
}
