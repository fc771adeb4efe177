package dev.tipflood.loadgen.gatling;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.measure.TimeSource;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.PopulationPlan;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tipflood simulation: one open-model scenario per population of the load plan
 * ({@link PlanSource}). It only assembles; requests, chains and feeders live in their own classes.
 */
public class TipfloodSimulation extends Simulation {
  private final ClientRuntime runtime;
  private final ShapedRoutes routes;

  public TipfloodSimulation() {
    LoadPlan plan = PlanSource.load();
    runtime = new ClientRuntime(plan, TimeSource.SYSTEM);
    routes = new ShapedRoutes(plan, TimeSource.SYSTEM);

    // One connection per virtual user (Gatling's default), so a shaped connection is one client's uplink.
    HttpProtocolBuilder protocol = http
        .disableWarmUp()
        .disableCaching()
        .disableFollowRedirect()
        .userAgentHeader("tipflood/" + Versions.tipflood());
    if (Boolean.getBoolean("tipflood.shareConnections")) {
      // Benchmarks only: real phones do not share connections (an upload cap would then be per pooled connection).
      protocol = protocol.shareConnections();
    }

    List<PopulationBuilder> populations = new ArrayList<>();
    for (int i = 0; i < plan.populations().size(); i++) {
      PopulationPlan p = plan.populations().get(i);
      populations.add(scenario(p.name())
          .exec(TipChains.tip(runtime, p, i))
          .injectOpen(Injection.open(p.arrivalsPerSecond()))
          .protocols(protocol.baseUrl(routes.baseUrl(p.name()))));
    }

    setUp(populations)
        .maxDuration(Duration.ofSeconds(
            UserStartSchedule.LEAD_SECONDS + plan.durationSeconds() + (long) plan.graceSeconds()))
        .assertions(global().allRequests().count().gt(0L));
  }

  @Override
  public void before() {
    runtime.start();
  }

  @Override
  public void after() {
    try {
      routes.writeStats();
    } finally {
      routes.close();
      runtime.stop();
    }
  }
}
