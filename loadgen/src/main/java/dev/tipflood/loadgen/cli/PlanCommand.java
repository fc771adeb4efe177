package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.forecast.Forecast;
import dev.tipflood.loadgen.forecast.ForecastJson;
import dev.tipflood.loadgen.forecast.ForecastText;
import dev.tipflood.loadgen.forecast.Forecaster;
import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import dev.tipflood.scenarios.model.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tipflood plan SCENARIO}: the offered-load forecast, before any traffic. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Forecast the load a scenario offers to each modelled resource of a profile (storage bandwidth, "
        + "processing workers, reviewers, and the heap where the profile buffers uploads), per population and "
        + "phase, with the expected utilisation. Sends no traffic and makes no file; `run` prints the same first."})
final class PlanCommand implements Callable<Integer> {
  @Mixin
  ScenarioOptions scenario;

  @Option(names = "--profile", paramLabel = "P", description = "Server profile name or YAML file (overrides the scenario's).")
  String profile;

  @Option(names = "--json", description = "Print forecast.json instead of the table.")
  boolean json;

  @Option(names = "--server-jar", paramLabel = "JAR", description = "tipflood-server.jar that resolves the profile (default: located).")
  Path serverJar;

  @Override
  public Integer call() throws Exception {
    Scenario s = scenario.resolve();
    s = s.withProfile(scenario.profilePath(profile, s));
    ServerProfileInfo info = ServerProfileInfo.read(ServerJarLocator.locate(serverJar), s.profile(), s.scale());
    Forecast f = Forecaster.forecast(s, ProfileCapacity.parse(s.profile(), info.capacity()));
    if (json) {
      System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ForecastJson.toJson(f)));
    } else {
      System.out.print(ForecastText.render(f));
    }
    return ExitCodes.OK;
  }
}
