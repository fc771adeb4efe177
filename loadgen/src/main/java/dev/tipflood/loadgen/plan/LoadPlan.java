package dev.tipflood.loadgen.plan;

import java.util.List;
import java.util.Objects;

/**
 * One run of load, resolved and validated.
 *
 * @param scenario        scenario name, for labels
 * @param seed            the seed everything random in the client derives from
 * @param baseUrl         the target's public base URL, e.g. {@code http://127.0.0.1:41234}
 * @param durationSeconds length of the arrival schedule; every population's schedule has this length
 * @param graceSeconds    how long in-flight requests and retries may run after the schedule ends
 *                        before Gatling's max duration stops the run (the hard stop)
 * @param clientDir       directory the client writes its interval logs and progress into
 * @param populations     at least one population
 */
public record LoadPlan(String scenario, long seed, String baseUrl, int durationSeconds,
                       int graceSeconds, String clientDir, List<PopulationPlan> populations) {

  public LoadPlan {
    Plans.requireText(scenario, "scenario");
    Plans.requireText(baseUrl, "baseUrl");
    Plans.requireText(clientDir, "clientDir");
    if (durationSeconds < 1) {
      throw new IllegalArgumentException("durationSeconds must be >= 1, was " + durationSeconds);
    }
    if (graceSeconds < 0) {
      throw new IllegalArgumentException("graceSeconds must be >= 0, was " + graceSeconds);
    }
    Objects.requireNonNull(populations, "populations");
    if (populations.isEmpty()) {
      throw new IllegalArgumentException("populations must not be empty");
    }
    populations = List.copyOf(populations);
    for (PopulationPlan p : populations) {
      if (p.arrivalsPerSecond().size() != durationSeconds) {
        throw new IllegalArgumentException("populations[" + p.name() + "].arrivalsPerSecond has "
            + p.arrivalsPerSecond().size() + " seconds, expected durationSeconds=" + durationSeconds);
      }
    }
    if (populations.stream().map(PopulationPlan::name).distinct().count() != populations.size()) {
      throw new IllegalArgumentException("population names must be unique");
    }
  }

  /** The same plan with another drain after the schedule. */
  public LoadPlan withGraceSeconds(int seconds) {
    return new LoadPlan(scenario, seed, baseUrl, durationSeconds, seconds, clientDir, populations);
  }

  /** Total planned first attempts (tips) over all populations. */
  public long plannedTips() {
    return populations.stream().mapToLong(PopulationPlan::plannedTips).sum();
  }
}
