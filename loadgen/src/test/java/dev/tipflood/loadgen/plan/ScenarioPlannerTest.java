package dev.tipflood.loadgen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.arrival.ArrivalSchedule;
import dev.tipflood.scenarios.corpus.CorpusFile;
import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.corpus.Transform;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.Truth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioPlannerTest {
  private static CorpusManifest corpus(Path dir, Scenario s) {
    List<CorpusFile> files = new ArrayList<>();
    for (var p : s.populations()) {
      for (MediaType t : List.of(MediaType.PHOTO, MediaType.GIF, MediaType.VIDEO)) {
        String ct = t == MediaType.PHOTO ? "image/jpeg" : t == MediaType.GIF ? "image/gif" : "video/x-msvideo";
        files.add(new CorpusFile(p.name() + "/" + t.id() + ".bin", p.name(), p.truth(), t, ct, "s1", "s1",
            p.truth() == Truth.LEGIT ? Transform.ORIGINAL : Transform.EXACT, 1000, "00", OptionalLong.empty()));
      }
    }
    return new CorpusManifest(dir, "key", 1, s.name(), s.seed(), s.scale(), files);
  }

  @Test
  void perSecondCountsAddUpToTheScenariosArrivals(@TempDir Path dir) {
    Scenario s = Scenarios.builtin("smoke");
    LoadPlan plan = ScenarioPlanner.plan(s, corpus(dir, s), "http://127.0.0.1:1", dir.toString(), 10);
    ArrivalSchedule schedule = ArrivalSchedule.of(s);
    assertThat(plan.durationSeconds()).isEqualTo(30);
    for (PopulationPlan p : plan.populations()) {
      assertThat(p.plannedTips()).isEqualTo(schedule.population(p.name()).arrivalOffsetsMillis().length);
      assertThat(p.arrivalsPerSecond()).hasSize(30);
    }
    // fans arrive only inside their wave, 5s..25s
    PopulationPlan fans = plan.populations().get(1);
    assertThat(fans.arrivalsPerSecond().subList(0, 5)).containsOnly(0);
    assertThat(fans.plannedTips()).isGreaterThan(100);
  }

  /**
   * The plan keeps every arrival's own millisecond, not just per-second counts: the client sends
   * each tip then, so a Poisson population's gaps stay exponential inside a second too.
   */
  @Test
  void arrivalTimesAreTheScenariosOwnToTheMillisecond(@TempDir Path dir) {
    Scenario s = Scenarios.builtin("smoke");
    LoadPlan plan = ScenarioPlanner.plan(s, corpus(dir, s), "http://127.0.0.1:1", dir.toString(), 10);
    ArrivalSchedule schedule = ArrivalSchedule.of(s);
    int unevenSeconds = 0;
    for (PopulationPlan p : plan.populations()) {
      long[] expected = schedule.population(p.name()).arrivalOffsetsMillis();
      assertThat(p.arrivalOffsetsMillis()).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Long[]::new));
      // Evenly spread within each second would be PlanFixtures.spread: most busy seconds differ from it.
      List<Long> even = PlanFixtures.spread(p.arrivalsPerSecond());
      for (int i = 0; i < even.size(); i++) {
        if (!even.get(i).equals(p.arrivalOffsetsMillis().get(i))) {
          unevenSeconds++;
        }
      }
    }
    assertThat(unevenSeconds).isGreaterThan(50);
  }

  @Test
  void offsetsThatDisagreeWithTheCountsAreRefused() {
    var identity = new IdentityPlan(1, 0, 1, false);
    var realism = new MetadataRealism(0, 0, 0, null);
    var client = new ClientBehaviour(1000, RetryPolicy.NONE, 0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PopulationPlan("fans", "junk", List.of(1, 1),
            List.of(0L, 1L), identity, realism, client, List.of(List.of())))
        .hasMessage("populations[fans]: 2 arrivalOffsetsMillis fall in second 0 but arrivalsPerSecond[0] is 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PopulationPlan("fans", "junk", List.of(2),
            List.of(5L, 4L), identity, realism, client, List.of(List.of())))
        .hasMessage("populations[fans].arrivalOffsetsMillis[1] = 4 must be ascending and within 0..999");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PopulationPlan("fans", "junk", List.of(1),
            List.of(1000L), identity, realism, client, List.of(List.of())))
        .hasMessageContaining("must be ascending and within 0..999");
  }

  @Test
  void uploadBandwidthIsScaledLikeSizesAndAbsentMeansUnshaped(@TempDir Path dir) {
    Scenario s = Scenarios.builtin("slow-uploads");
    LoadPlan plan = ScenarioPlanner.plan(s, corpus(dir, s), "http://127.0.0.1:1", dir.toString(), 10);
    ClientBehaviour citizens = plan.populations().get(0).client();
    ClientBehaviour tricklers = plan.populations().get(1).client();
    assertThat(citizens.shapedUpload()).isFalse();
    assertThat(citizens.uploadBandwidthBytesPerSecond()).isZero();
    // 16KB/s at scale 0.05
    assertThat(tricklers.uploadBandwidthBytesPerSecond()).isEqualTo(Math.round(16_000 * 0.05));
    assertThat(tricklers.shapedUpload()).isTrue();
  }

  @Test
  void clientBehaviourIsTranslated(@TempDir Path dir) {
    Scenario s = Scenarios.builtin("smoke");
    LoadPlan plan = ScenarioPlanner.plan(s, corpus(dir, s), "http://127.0.0.1:1", dir.toString(), 10);
    RetryPolicy citizens = plan.populations().get(0).client().retry();
    assertThat(citizens.statuses()).containsExactly(503);
    assertThat(citizens.onTimeout()).isTrue();
    assertThat(citizens.backoff().kind()).isEqualTo(Backoff.Kind.EXPONENTIAL);
    assertThat(citizens.honourRetryAfter()).isTrue();
    RetryPolicy fans = plan.populations().get(1).client().retry();
    assertThat(fans.statuses()).contains(429, 500, 503, 599).doesNotContain(404);
    assertThat(fans.backoff()).isEqualTo(Backoff.NONE);
    assertThat(fans.honourRetryAfter()).isFalse();
    assertThat(plan.populations().get(1).identity().devicesPerIp()).isEqualTo(4);
  }

  @Test
  void tipsFollowTheMediaMix(@TempDir Path dir) {
    Scenario s = Scenarios.builtin("smoke");
    LoadPlan plan = ScenarioPlanner.plan(s, corpus(dir, s), "http://127.0.0.1:1", dir.toString(), 10);
    List<List<MediaFile>> tips = plan.populations().get(0).tips();
    long none = tips.stream().filter(List::isEmpty).count();
    // citizens: none has weight 0.1 of 1.0
    assertThat(none / (double) tips.size()).isBetween(0.0, 0.35);
    assertThat(tips.stream().mapToInt(List::size).max().orElse(0)).isLessThanOrEqualTo(2);
    assertThat(tips.stream().flatMap(List::stream).map(MediaFile::path)).allMatch(p -> p.startsWith(dir.toString()));
  }

  @Test
  void planRoundTripsThroughJson(@TempDir Path dir) {
    Scenario s = Scenarios.builtin("smoke");
    LoadPlan plan = ScenarioPlanner.plan(s, corpus(dir, s), "http://127.0.0.1:1", dir.toString(), 10);
    LoadPlanFiles.write(plan, dir.resolve("plan.json"));
    assertThat(LoadPlanFiles.read(dir.resolve("plan.json"))).isEqualTo(plan);
  }
}
