package dev.tipflood.loadgen.gatling;

/**
 * Entry point of the Gatling child JVM that {@code tipflood run} starts:
 * {@code java --add-opens=java.base/java.lang=ALL-UNNAMED -Dtipflood.plan=PLAN -cp tipflood.jar
 * dev.tipflood.loadgen.gatling.GatlingMain RESULTS_DIR DESCRIPTION}.
 * Exits with Gatling's status: 0, or 2 when an assertion failed; 1 when Gatling crashed.
 */
public final class GatlingMain {
  private GatlingMain() {
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: GatlingMain RESULTS_DIR DESCRIPTION (with -Dtipflood.plan=PLAN)");
      System.exit(64);
    }
    int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "--simulation", TipfloodSimulation.class.getName(),
        "--results-folder", args[0],
        "--run-description", args[1]});
    System.exit(status);
  }
}
