package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.LoadPlanFiles;
import java.nio.file.Path;

/**
 * Where the simulation gets its plan. {@code tipflood run} writes {@code plan.json} into the run
 * directory and passes {@code -Dtipflood.plan=PATH}. The Maven plugin route passes
 * {@code -Dtipflood.scenario=NAME|FILE} (and optionally {@code -Dtipflood.target=URL},
 * {@code -Dtipflood.out=DIR}) and the plan is resolved here from the scenario.
 */
final class PlanSource {
  static final String PLAN = "tipflood.plan";
  static final String SCENARIO = "tipflood.scenario";

  private PlanSource() {
  }

  static LoadPlan load() {
    String plan = System.getProperty(PLAN);
    if (plan != null && !plan.isBlank()) {
      return LoadPlanFiles.read(Path.of(plan));
    }
    String scenario = System.getProperty(SCENARIO);
    if (scenario != null && !scenario.isBlank()) {
      return MavenPlan.fromSystemProperties(scenario);
    }
    throw new IllegalStateException("no load plan: pass -D" + PLAN + "=PATH (tipflood run does) or -D"
        + SCENARIO + "=NAME|FILE (the Maven plugin route)");
  }
}
