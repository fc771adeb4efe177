package dev.tipflood.loadgen.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The whole sweep: each profile in turn gets an equal share of the budget left when its search
 * starts (so one that finishes early leaves more for the next), searched from its own start.
 */
public final class Sweep {
  private final BreakingPointSearch search;
  private final StopSignal stop;
  private final Clock clock;

  /**
   * @param outcomes   per profile, in the order given; a profile not reached before a stop has no steps
   * @param interrupted stopped by the stop signal
   * @param wall       how long it took
   */
  public record Result(List<SearchOutcome> outcomes, boolean interrupted, Duration wall) {
    public Result {
      outcomes = List.copyOf(outcomes);
    }
  }

  public Sweep(BreakingPointSearch search, StopSignal stop, Clock clock) {
    this.search = search;
    this.stop = stop;
    this.clock = clock;
  }

  public Result run(List<String> profiles, ToDoubleFunction<String> start, Duration budget) {
    Instant began = clock.instant();
    Budget total = Budget.of(budget, clock);
    List<SearchOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      String profile = profiles.get(i);
      if (stop.requested()) {
        outcomes.add(new SearchOutcome(profile, List.of(), SearchOutcome.Stop.INTERRUPTED));
        continue;
      }
      outcomes.add(search.search(profile, start.applyAsDouble(profile), total.share(profiles.size() - i)));
    }
    return new Result(outcomes, stop.requested(), Duration.between(began, clock.instant()));
  }
}
