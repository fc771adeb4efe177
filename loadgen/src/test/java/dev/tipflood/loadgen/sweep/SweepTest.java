package dev.tipflood.loadgen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.reports.capacity.BreakingPoint;
import dev.tipflood.reports.capacity.CapacityFiles;
import dev.tipflood.reports.capacity.CapacityReport;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  private static final Duration STEP = Duration.ofSeconds(50);
  private static final Map<String, Double> TRUTH = Map.of("naive", 0.02, "tipline", 0.3, "tipline+throttle", 0.9);
  private final FakeClock clock = new FakeClock();
  private final StopSignal stop = new StopSignal();

  @TempDir
  Path dir;

  private StepRunner byProfile() {
    Map<String, FakeRunner> runners = Map.of("naive", new FakeRunner(TRUTH.get("naive"), clock, STEP),
        "tipline", new FakeRunner(TRUTH.get("tipline"), clock, STEP),
        "tipline+throttle", new FakeRunner(TRUTH.get("tipline+throttle"), clock, STEP));
    return (profile, x) -> runners.get(profile).run(profile, x);
  }

  @Test
  void everyProfileIsBracketedWithinItsShareOfTheBudget() {
    BreakingPointSearch search = new BreakingPointSearch(byProfile(), SearchSettings.defaults(STEP), stop, e -> { });
    // Starts within one doubling of the truth, as the forecast gives them: each bracket takes two steps.
    Sweep.Result r = new Sweep(search, stop, clock).run(List.of("naive", "tipline", "tipline+throttle"),
        p -> 0.7 * TRUTH.get(p), Duration.ofMinutes(10));

    assertThat(r.interrupted()).isFalse();
    assertThat(r.wall()).isLessThanOrEqualTo(Duration.ofMinutes(10));
    int steps = r.outcomes().stream().mapToInt(o -> o.steps().size()).sum();
    assertThat(steps).isLessThanOrEqualTo(12);
    for (SearchOutcome o : r.outcomes()) {
      BreakingPoint bp = o.breakingPoint();
      assertThat(bp.status()).as(o.profile()).isEqualTo(BreakingPoint.Status.BRACKETED);
      assertThat(bp.held()).as(o.profile()).isLessThanOrEqualTo(TRUTH.get(o.profile()));
      assertThat(bp.broke()).as(o.profile()).isGreaterThan(TRUTH.get(o.profile()));
      // Four 50-second steps per profile: two to bracket, two bisections of a factor of 2.
      assertThat(bp.relativeWidth()).as(o.profile()).isLessThanOrEqualTo(Math.pow(2, 0.25) - 1 + 1e-9);
    }
  }

  @Test
  void ctrlCInTheSecondProfileStillWritesTheReportFromTheStepsDone() throws Exception {
    StepRunner inner = byProfile();
    int[] tipline = {0};
    StepRunner runner = (profile, x) -> {
      if (profile.equals("tipline") && ++tipline[0] == 2) {
        throw new InterruptedException("Ctrl-C");
      }
      return inner.run(profile, x);
    };
    // The CLI's shutdown hook sets the signal and interrupts the sweep thread; here the runner throws as the run would.
    StepRunner signalling = (profile, x) -> {
      try {
        return runner.run(profile, x);
      } catch (InterruptedException e) {
        stop.request();
        throw e;
      }
    };
    BreakingPointSearch search = new BreakingPointSearch(signalling, SearchSettings.defaults(STEP), stop, e -> { });
    Sweep.Result r = new Sweep(search, stop, clock).run(List.of("naive", "tipline", "tipline+throttle"), p -> 0.1,
        Duration.ofMinutes(10));
    Thread.interrupted();

    assertThat(r.interrupted()).isTrue();
    assertThat(r.outcomes()).extracting(o -> o.steps().size()).element(1).isEqualTo(1);
    assertThat(r.outcomes().get(2).steps()).isEmpty();
    assertThat(r.outcomes().get(2).stop()).isEqualTo(SearchOutcome.Stop.INTERRUPTED);

    Scenario base = Scenarios.resolve("fancam-flood");
    SteadyStep shape = new SteadyStep(Duration.ofSeconds(5), Duration.ofSeconds(15), 1);
    CapacityReport report = SweepReport.of(base, shape, List.of("legitAcceptP99"), Duration.ofMinutes(10), r);
    CapacityFiles.write(report, dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve(CapacityReport.JSON).toFile());
    assertThat(json.path("interrupted").asBoolean()).isTrue();
    assertThat(json.path("profiles").get(0).path("steps").size()).isEqualTo(r.outcomes().get(0).steps().size());
    assertThat(json.path("profiles").get(1).path("steps").size()).isEqualTo(1);
    assertThat(json.path("profiles").get(2).path("breakingPoint").path("status").asText()).isEqualTo("no_steps");
    assertThat(Files.readString(dir.resolve(CapacityReport.HTML))).contains("INTERRUPTED").contains("naive");
  }
}
