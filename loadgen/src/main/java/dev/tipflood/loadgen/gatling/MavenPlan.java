package dev.tipflood.loadgen.gatling;

import dev.tipflood.loadgen.target.TargetSafety;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.ScenarioPlanner;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.corpus.MediaCorpus;
import java.net.URI;
import java.nio.file.Path;

/**
 * Builds a plan from a scenario for the Maven plugin route (see {@link PlanSource}):
 * {@code -Dtipflood.scenario=NAME|FILE}, {@code -Dtipflood.target=URL} (default
 * {@code http://127.0.0.1:8080}, loopback only), {@code -Dtipflood.out=DIR} (client logs in
 * {@code DIR/client}, corpus cache in {@code DIR/.corpus}).
 */
final class MavenPlan {
  private MavenPlan() {
  }

  static LoadPlan fromSystemProperties(String scenarioName) {
    URI target = TargetSafety.check(System.getProperty("tipflood.target", "http://127.0.0.1:8080"), false);
    Path out = Path.of(System.getProperty("tipflood.out", "target/gatling-run")).toAbsolutePath();
    Scenario scenario = Scenarios.resolve(scenarioName);
    CorpusManifest corpus = MediaCorpus.generate(scenario, out.resolve(".corpus"));
    String base = target.toString().endsWith("/") ? target.toString().substring(0, target.toString().length() - 1)
        : target.toString();
    return ScenarioPlanner.plan(scenario, corpus, base, out.resolve("client").toString(), 30);
  }
}
