package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;

class UserStartScheduleTest {

  private static List<Long> offsets(List<Integer> perSecond) {
    List<Long> out = new ArrayList<>();
    new UserStartSchedule(perSecond).offsetsMicros().forEachRemaining((long o) -> out.add(o));
    return out;
  }

  @Test
  void spreadsEachSecondsArrivalsOverItsMillisecondsLikeGatling() {
    assertThat(offsets(List.of(3, 0, 1))).containsExactly(0L, 333_000L, 666_000L, 2_000_000L);
    assertThat(offsets(List.of(4))).containsExactly(0L, 250_000L, 500_000L, 750_000L);
  }

  @Test
  void countsMatchTheSchedule() {
    UserStartSchedule s = new UserStartSchedule(List.of(5, 0, 7, 2000));
    assertThat(s.total()).isEqualTo(2012);
    assertThat(s.plannedBefore(3)).isEqualTo(12);
    assertThat(offsets(List.of(5, 0, 7, 2000))).hasSize(2012).isSorted();
  }

  @Test
  void offsetsStayInsideTheirSecond() {
    List<Long> o = offsets(List.of(1500));
    assertThat(o.get(o.size() - 1)).isLessThan(1_000_000L);
  }

  @Test
  void anExhaustedScheduleSaysSo() {
    PrimitiveIterator.OfLong it = new UserStartSchedule(List.of(1)).offsetsMicros();
    it.nextLong();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::nextLong).isInstanceOf(NoSuchElementException.class).hasMessageContaining("1 arrivals");
  }
}
