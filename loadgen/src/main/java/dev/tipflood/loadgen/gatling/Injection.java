package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a per-second arrival schedule into Gatling open injection steps: each second becomes
 * {@code rampUsers(n).during(1s)}, runs of empty seconds one {@code nothingFor}. Gatling then
 * starts exactly {@code n} users in that second, spread over its milliseconds as
 * {@link dev.tipflood.loadgen.client.UserStartSchedule} assumes; each user then waits for its exact
 * arrival time, one second ({@code LEAD_MICROS}) later at most. One step per second, not per
 * arrival: Gatling chains steps as nested iterators, so millions of steps would not do.
 */
final class Injection {
  private Injection() {
  }

  static List<OpenInjectionStep> open(List<Integer> arrivalsPerSecond) {
    List<OpenInjectionStep> steps = new ArrayList<>();
    int idle = 0;
    for (int n : arrivalsPerSecond) {
      if (n == 0) {
        idle++;
        continue;
      }
      if (idle > 0) {
        steps.add(nothingFor(Duration.ofSeconds(idle)));
        idle = 0;
      }
      steps.add(rampUsers(n).during(Duration.ofSeconds(1)));
    }
    if (steps.isEmpty()) {
      // Gatling refuses a scenario with no steps; a population with no arrivals idles.
      steps.add(nothingFor(Duration.ofSeconds(Math.max(1, idle))));
    }
    return steps;
  }
}
