package dev.tipflood.loadgen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.capacity.BreakingPoint;
import dev.tipflood.reports.capacity.CapacityPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakingPointSearchTest {
  private static final Duration STEP = Duration.ofSeconds(50);
  private final FakeClock clock = new FakeClock();
  private final StopSignal stop = new StopSignal();
  private final List<BreakingPointSearch.StepEvent> events = new ArrayList<>();

  private BreakingPointSearch search(StepRunner runner) {
    return new BreakingPointSearch(runner, SearchSettings.defaults(STEP), stop, events::add);
  }

  @ParameterizedTest(name = "breaks above {0}x, starting at {1}x")
  @CsvSource({"0.37, 1.0", "0.37, 0.01", "0.0213, 0.05", "37, 2", "3.0, 3.0"})
  void findsAKnownBreakingPointWithinTheBracketWidthInTheStepsTheBudgetAllows(double breaksAbove, double start) {
    FakeRunner runner = new FakeRunner(breaksAbove, clock, STEP);
    Budget budget = Budget.of(Duration.ofMinutes(10), clock);

    SearchOutcome o = search(runner).search("tipline", start, budget);

    BreakingPoint bp = o.breakingPoint();
    assertThat(bp.status()).isEqualTo(BreakingPoint.Status.BRACKETED);
    assertThat(bp.held()).isLessThanOrEqualTo(breaksAbove);
    assertThat(bp.broke()).isGreaterThan(breaksAbove);
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.CONVERGED);
    assertThat(bp.relativeWidth()).isLessThanOrEqualTo(0.05);
    // 10 minutes of 50-second steps pay for 12 of them.
    assertThat(o.steps()).hasSizeLessThanOrEqualTo(12);
    assertThat(runner.tried).hasSize(o.steps().size());
    assertThat(events).hasSize(o.steps().size());
  }

  @Test
  void aTightBudgetStopsAfterTheStepsItPaysForWithTheBracketStillAroundTheTruth() {
    FakeRunner runner = new FakeRunner(0.37, clock, STEP);
    Budget budget = Budget.of(Duration.ofSeconds(200), clock);

    SearchOutcome o = search(runner).search("naive", 1.0, budget);

    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.BUDGET);
    assertThat(o.steps()).hasSize(4); // 200 s / 50 s
    BreakingPoint bp = o.breakingPoint();
    assertThat(bp.held()).isLessThanOrEqualTo(0.37);
    assertThat(bp.broke()).isGreaterThan(0.37);
    // 1 -> 0.5 -> 0.25 brackets [0.25, 0.5]; one bisection halves it geometrically.
    assertThat(runner.tried).containsExactly(1.0, 0.5, 0.25, Math.sqrt(0.25 * 0.5));
    assertThat(bp.relativeWidth()).isLessThanOrEqualTo(Math.sqrt(2) - 1 + 1e-9);
  }

  @Test
  void aBudgetSmallerThanOneStepRunsNothing() {
    FakeRunner runner = new FakeRunner(0.37, clock, STEP);
    SearchOutcome o = search(runner).search("naive", 1.0, Budget.of(Duration.ofSeconds(49), clock));
    assertThat(o.steps()).isEmpty();
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.BUDGET);
  }

  @Test
  void aSlowerStepThanEstimatedRaisesTheCostOfTheNext() {
    FakeRunner runner = new FakeRunner(0.37, clock, Duration.ofSeconds(80));
    // 200 s: the first 80-second step fits the 50-second estimate, then only one more 80-second step fits.
    SearchOutcome o = search(runner).search("naive", 1.0, Budget.of(Duration.ofSeconds(200), clock));
    assertThat(o.steps()).hasSize(2);
  }

  @Test
  void aServiceThatNeverBreaksIsReportedAsHeldAtTheLargestIntensity() {
    FakeRunner runner = new FakeRunner(Double.MAX_VALUE, clock, STEP);
    SearchOutcome o = new BreakingPointSearch(runner, new SearchSettings(2, 0.05, 0.01, 8, 20, STEP), stop, events::add)
        .search("unlimited", 1, Budget.of(Duration.ofHours(1), clock));
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.HELD_AT_MAX);
    assertThat(runner.tried).containsExactly(1.0, 2.0, 4.0, 8.0);
    assertThat(o.breakingPoint().status()).isEqualTo(BreakingPoint.Status.HELD_THROUGHOUT);
  }

  @Test
  void aServiceThatAlwaysBreaksIsReportedAsBrokenAtTheSmallestIntensity() {
    FakeRunner runner = new FakeRunner(0, clock, STEP);
    SearchOutcome o = new BreakingPointSearch(runner, new SearchSettings(2, 0.05, 0.1, 8, 20, STEP), stop, events::add)
        .search("naive", 1, Budget.of(Duration.ofHours(1), clock));
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.BROKE_AT_MIN);
    assertThat(runner.tried).containsExactly(1.0, 0.5, 0.25, 0.125, 0.1);
  }

  @Test
  void theStepLimitBoundsTheSearchWhateverTheBudget() {
    FakeRunner runner = new FakeRunner(0.37, clock, STEP);
    SearchOutcome o = new BreakingPointSearch(runner, new SearchSettings(2, 1e-9, 1e-3, 1e3, 7, STEP), stop, events::add)
        .search("naive", 1, Budget.of(Duration.ofDays(1), clock));
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.MAX_STEPS);
    assertThat(o.steps()).hasSize(7);
  }

  @Test
  void aStopDuringAStepKeepsTheStepsDoneAndDropsTheInterruptedOne() {
    FakeRunner fake = new FakeRunner(0.37, clock, STEP);
    StepRunner stoppedInStepThree = (profile, x) -> {
      CapacityPoint p = fake.run(profile, x);
      if (fake.tried.size() == 3) {
        stop.request(); // Ctrl-C while the third step runs
      }
      return p;
    };
    SearchOutcome o = search(stoppedInStepThree).search("naive", 1.0, Budget.of(Duration.ofHours(1), clock));
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.INTERRUPTED);
    assertThat(o.steps()).extracting(CapacityPoint::intensity).containsExactly(1.0, 0.5);
  }

  @Test
  void anInterruptedStepEndsTheSearchWithTheStepsDone() {
    FakeRunner fake = new FakeRunner(0.37, clock, STEP);
    StepRunner interruptedInStepTwo = (profile, x) -> {
      if (fake.tried.size() == 1) {
        throw new InterruptedException("Ctrl-C");
      }
      return fake.run(profile, x);
    };
    SearchOutcome o = search(interruptedInStepTwo).search("naive", 1.0, Budget.of(Duration.ofHours(1), clock));
    assertThat(o.stop()).isEqualTo(SearchOutcome.Stop.INTERRUPTED);
    assertThat(o.steps()).hasSize(1);
    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
  }
}
