package dev.tipflood.loadgen.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scala.concurrent.duration.FiniteDuration;

/**
 * The injection profile starts exactly the scheduled users in each second. Checked through
 * Gatling's own scheduler code: each step's {@code chain} yields the start offset of every user it
 * injects, as Gatling's open-model controller does, so wrong rates, a lost idle run or a second
 * out of place all fail here.
 */
class InjectionTest {

  /** The start offset of every user, in ms from the injection start, as Gatling computes them. */
  private static List<Long> starts(List<OpenInjectionStep> steps) {
    scala.collection.Iterator<FiniteDuration> users = scala.collection.Iterator$.MODULE$.empty();
    for (int i = steps.size() - 1; i >= 0; i--) {
      users = steps.get(i).asScala().chain(users);
    }
    List<Long> out = new ArrayList<>();
    while (users.hasNext()) {
      out.add(users.next().toMillis());
    }
    return out;
  }

  private static List<Integer> perSecond(List<Long> startsMillis, int seconds) {
    int[] counts = new int[seconds];
    for (long ms : startsMillis) {
      counts[(int) (ms / 1000)]++;
    }
    List<Integer> out = new ArrayList<>();
    for (int c : counts) {
      out.add(c);
    }
    return out;
  }

  @Test
  void eachSecondStartsExactlyItsScheduledUsers() {
    List<Integer> schedule = List.of(0, 0, 3, 4, 0, 5);
    List<Long> starts = starts(Injection.open(schedule));
    assertThat(starts).hasSize(12);
    assertThat(perSecond(starts, schedule.size())).isEqualTo(schedule);
  }

  @Test
  void usersOfASecondAreSpreadOverItEvenly() {
    assertThat(starts(Injection.open(List.of(0, 4)))).containsExactly(1000L, 1250L, 1500L, 1750L);
  }

  @Test
  void aRandomScheduleIsReproducedSecondBySecond() {
    SplittableRandom random = new SplittableRandom(7);
    List<Integer> schedule = new ArrayList<>();
    for (int s = 0; s < 300; s++) {
      // bursts, quiet runs and single arrivals
      schedule.add(random.nextInt(4) == 0 ? 0 : random.nextInt(1, random.nextBoolean() ? 3 : 200));
    }
    List<Long> starts = starts(Injection.open(schedule));
    assertThat(starts).hasSize(schedule.stream().mapToInt(Integer::intValue).sum());
    assertThat(perSecond(starts, schedule.size())).isEqualTo(schedule);
  }

  @Test
  void anIdleScheduleStillHasAStepAndStartsNobody() {
    List<OpenInjectionStep> steps = Injection.open(List.of(0, 0));
    assertThat(steps).hasSize(1);
    assertThat(starts(steps)).isEmpty();
  }
}
