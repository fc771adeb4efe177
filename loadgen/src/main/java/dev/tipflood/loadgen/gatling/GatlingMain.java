package dev.tipflood.loadgen.gatling;

/**
 * Entry point of the Gatling child JVM that {@code tipflood run} starts:
 * {@code java --add-opens=java.base/java.lang=ALL-UNNAMED -Dtipflood.plan=PLAN -cp tipflood.jar
 * dev.tipflood.loadgen.gatling.GatlingMain RESULTS_DIR DESCRIPTION}.
 * Exits with Gatling's status: 0, or 2 when an assertion failed; 1 when Gatling crashed.
 *
 * <p>When no request finished at all (a hung service, or a drain too short for any answer),
 * Gatling refuses to draw its HTML report after the simulation has run. tipflood's own records
 * are complete by then, and the run's summary reports every such tip as lost, so this is not a
 * load-generator failure: it exits 0 and says that Gatling's report is missing.
 */
public final class GatlingMain {
  private GatlingMain() {
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: GatlingMain RESULTS_DIR DESCRIPTION (with -Dtipflood.plan=PLAN)");
      System.exit(64);
    }
    int status;
    try {
      status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
          "--simulation", TipfloodSimulation.class.getName(),
          "--results-folder", args[0],
          "--run-description", args[1]});
    } catch (UnsupportedOperationException e) {
      if (!String.valueOf(e.getMessage()).contains("no requests")) {
        throw e;
      }
      System.err.println("tipflood: no request finished during the run, so Gatling drew no HTML report ("
          + e.getMessage() + "); tipflood's own records are complete");
      status = 0;
    }
    System.exit(status);
  }
}
