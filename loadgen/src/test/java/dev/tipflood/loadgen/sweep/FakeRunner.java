package dev.tipflood.loadgen.sweep;

import dev.tipflood.reports.capacity.CapacityPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A service with a known breaking point: every SLO holds up to {@code breaksAbove} times the junk
 * peak, then the legit tips fail. Each step costs {@code stepCost} on the fake clock.
 */
final class FakeRunner implements StepRunner {
  private final double breaksAbove;
  private final FakeClock clock;
  private final Duration stepCost;
  final List<Double> tried = new ArrayList<>();

  FakeRunner(double breaksAbove, FakeClock clock, Duration stepCost) {
    this.breaksAbove = breaksAbove;
    this.clock = clock;
    this.stepCost = stepCost;
  }

  @Override
  public CapacityPoint run(String profile, double intensity) throws InterruptedException {
    tried.add(intensity);
    clock.advance(stepCost);
    boolean held = intensity <= breaksAbove;
    double goodput = held ? 1.0 : Math.max(0, 1.0 - (intensity - breaksAbove) / breaksAbove);
    return new CapacityPoint(intensity, 150 * intensity, 1 + 150 * intensity, Math.min(1 + 150 * intensity, 40),
        goodput, held ? 800 : 9000, 60_000, held, held ? List.of() : List.of("legitAcceptP99"), null);
  }
}
