package dev.tipflood.loadgen.sweep;

import dev.tipflood.reports.capacity.CapacityPoint;

/** Runs one step of a sweep: one profile at one flood intensity, steady, on a fresh server. */
@FunctionalInterface
public interface StepRunner {
  /**
   * @param profile   server profile
   * @param intensity the flood as a multiple of the scenario's junk peak rate
   * @return the step measured after its warm-up, with its verdict
   * @throws InterruptedException when the sweep is being stopped
   */
  CapacityPoint run(String profile, double intensity) throws InterruptedException;
}
