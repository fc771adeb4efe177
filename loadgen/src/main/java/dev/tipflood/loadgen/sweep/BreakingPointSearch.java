package dev.tipflood.loadgen.sweep;

import dev.tipflood.reports.capacity.BreakingPoint;
import dev.tipflood.reports.capacity.CapacityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bracket, then bisect: from a starting intensity, grow (after a pass) or shrink (after a fail) by
 * {@link SearchSettings#growth()} until the verdict flips, then bisect the bracket geometrically
 * until it is {@link SearchSettings#targetWidth()} narrow, the budget cannot pay for another step,
 * the step limit is reached, or the stop signal is set. A step is only started when the budget
 * left covers the costliest step so far (or the first estimate).
 */
public final class BreakingPointSearch {
  private final StepRunner runner;
  private final SearchSettings settings;
  private final StopSignal stop;
  private final Consumer<StepEvent> progress;

  /**
   * One finished step, for progress lines.
   *
   * @param profile   profile
   * @param number    1-based, within the profile
   * @param point     the step
   * @param took      its wall time
   * @param bracket   the breaking point after it
   * @param remaining the profile's budget left
   */
  public record StepEvent(String profile, int number, CapacityPoint point, Duration took, BreakingPoint bracket,
                          Duration remaining) {
  }

  public BreakingPointSearch(StepRunner runner, SearchSettings settings, StopSignal stop, Consumer<StepEvent> progress) {
    this.runner = runner;
    this.settings = settings;
    this.stop = stop;
    this.progress = progress;
  }

  /** Searches one profile, starting at {@code start}, within {@code budget}. */
  public SearchOutcome search(String profile, double start, Budget budget) {
    List<CapacityPoint> steps = new ArrayList<>();
    Duration cost = settings.stepEstimate();
    double x = settings.clamp(start);
    while (true) {
      if (stop.requested()) {
        return new SearchOutcome(profile, steps, SearchOutcome.Stop.INTERRUPTED);
      }
      if (steps.size() >= settings.maxSteps()) {
        return new SearchOutcome(profile, steps, SearchOutcome.Stop.MAX_STEPS);
      }
      if (!budget.canAfford(cost)) {
        return new SearchOutcome(profile, steps, SearchOutcome.Stop.BUDGET);
      }
      Instant began = budget.clock().instant();
      CapacityPoint p;
      try {
        p = runner.run(profile, x);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SearchOutcome(profile, steps, SearchOutcome.Stop.INTERRUPTED);
      }
      if (stop.requested()) {
        // The step ran into the stop: its data end early, so it is not kept.
        return new SearchOutcome(profile, steps, SearchOutcome.Stop.INTERRUPTED);
      }
      Duration took = Duration.between(began, budget.clock().instant());
      cost = took.compareTo(cost) > 0 || steps.isEmpty() ? took : cost;
      steps.add(p);
      BreakingPoint bp = BreakingPoint.of(steps);
      progress.accept(new StepEvent(profile, steps.size(), p, took, bp, budget.remaining()));
      SearchOutcome.Stop done = next(bp);
      if (done != null) {
        return new SearchOutcome(profile, steps, done);
      }
      x = nextIntensity(bp);
    }
  }

  /** Why to stop now, or null to go on. */
  private SearchOutcome.Stop next(BreakingPoint bp) {
    return switch (bp.status()) {
      case HELD_THROUGHOUT -> bp.held() >= settings.maxIntensity() ? SearchOutcome.Stop.HELD_AT_MAX : null;
      case BROKE_THROUGHOUT -> bp.broke() <= settings.minIntensity() ? SearchOutcome.Stop.BROKE_AT_MIN : null;
      case BRACKETED -> bp.relativeWidth() <= settings.targetWidth() ? SearchOutcome.Stop.CONVERGED : null;
      case NO_STEPS -> throw new IllegalStateException("a step has just been added");
    };
  }

  private double nextIntensity(BreakingPoint bp) {
    return switch (bp.status()) {
      case HELD_THROUGHOUT -> settings.clamp(bp.held() * settings.growth());
      case BROKE_THROUGHOUT -> settings.clamp(bp.broke() / settings.growth());
      default -> Math.sqrt(bp.held() * bp.broke());
    };
  }
}
