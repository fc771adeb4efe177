package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.plan.LoadPlan;

/** Builds a plan from a scenario for the Maven plugin route (see {@link PlanSource}). */
final class MavenPlan {
  private MavenPlan() {
  }

  static LoadPlan fromSystemProperties(String scenario) {
    throw new IllegalStateException("scenario " + scenario + ": the Maven route needs the scenarios module");
  }
}
