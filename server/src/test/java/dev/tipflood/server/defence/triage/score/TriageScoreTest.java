package dev.tipflood.server.defence.triage.score;

import static dev.tipflood.server.defence.triage.Verdicts.durable;
import static dev.tipflood.server.defence.triage.Verdicts.floodTip;
import static dev.tipflood.server.defence.triage.Verdicts.goodTip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import dev.tipflood.server.defence.triage.Verdicts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageScoreTest {
  private final ManualClock clock = new ManualClock();
  private final ReviewerMemory memory = new ReviewerMemory(clock, new ReviewerMemory.Limits(1000, 1000, 1000,
      Duration.ofMinutes(30), 1), Runnable::run, java.nio.file.Path::of);
  private final TriageScore score = new TriageScore(new TriageScore.Settings(Jurisdiction.parse(Jurisdiction.DALLAS),
      40, 30, 20, 4, Duration.ofDays(7), Duration.ofMinutes(10), 20, 5, 60), memory);

  private int priority(String address, TipFacts tip) {
    Decision d = score.decide(Point.DURABLE, durable(address, tip));
    return ((Decision.Prioritise) d).priority();
  }

  @Test
  void aTipWithEverySignalScoresTheirSum() {
    assertThat(priority("10.0.0.1", goodTip("t1", "phone-1"))).isEqualTo(90);
  }

  @Test
  void aFloodTipShowsNoSignal() {
    assertThat(priority("10.0.0.2", floodTip("t2", "fan-1"))).isZero();
  }

  @Test
  void eachSignalCountsOnItsOwn() {
    TipFacts good = goodTip("t", "d");
    assertThat(priority("a", new TipFacts("t", "lol", good.lat(), good.lon(), good.occurredAt(), good.receivedAt(),
        "d", List.of(), List.of()))).isEqualTo(60);
    assertThat(priority("a", new TipFacts("t", good.description(), 40.7, -74.0, good.occurredAt(),
        good.receivedAt(), "d", List.of(), List.of()))).isEqualTo(50);
    assertThat(priority("a", new TipFacts("t", good.description(), good.lat(), good.lon(),
        good.receivedAt().plusSeconds(3600), good.receivedAt(), "d", List.of(), List.of()))).as("an hour in the future")
        .isEqualTo(70);
  }

  @Test
  void aTipRankedOnItsTextAloneHasNoAddressSoOnlyItsDeviceCountsForOrAgainstIt() {
    // A deferred tip whose media never came is ranked outside any request: its address is unknown ("").
    assertThat(priority("", floodTip("f1", "fan-7"))).isZero();
    memory.onVerdict(Verdicts.junk("f1"));
    assertThat(priority("", goodTip("g1", "fan-7"))).as("its device is penalised").isEqualTo(90 - 20);
    assertThat(priority("", goodTip("g2", "other"))).as("other text-alone tips share no address penalty")
        .isEqualTo(90);
  }

  @Test
  void junkVerdictsLowerTheSendersScoreAndAreForgivenOverTime() {
    priority("10.9.9.9", floodTip("f1", "fan-7"));
    memory.onVerdict(Verdicts.junk("f1"));
    assertThat(priority("10.9.9.9", goodTip("g1", "fan-7"))).as("device and address penalised").isEqualTo(90 - 25);
    assertThat(priority("10.1.1.1", goodTip("g2", "other"))).as("another client is not").isEqualTo(90);

    clock.advance(Duration.ofMinutes(30)); // one half-life
    assertThat(priority("10.9.9.9", goodTip("g3", "fan-7"))).isEqualTo(90 - 13);
  }

  @Test
  void reputationPenaltyIsCapped() {
    for (int i = 0; i < 20; i++) {
      priority("10.9.9.9", floodTip("f" + i, "fan-7"));
      memory.onVerdict(Verdicts.junk("f" + i));
    }
    assertThat(priority("10.9.9.9", goodTip("g", "fan-7"))).isEqualTo(90 - 60);
  }

  @Test
  void legitVerdictsCostNothing() {
    priority("10.9.9.9", goodTip("g1", "phone"));
    memory.onVerdict(Verdicts.legit("g1"));
    assertThat(priority("10.9.9.9", goodTip("g2", "phone"))).isEqualTo(90);
  }

  @Test
  void jurisdictionIsABoxOrAPolygon() {
    Jurisdiction triangle = Jurisdiction.parse("0 0; 0 10; 10 0");
    assertThat(triangle.contains(2, 2)).isTrue();
    assertThat(triangle.contains(8, 8)).isFalse();
    assertThat(Jurisdiction.parse(Jurisdiction.DALLAS).contains(32.78, -96.80)).isTrue();
    assertThat(Jurisdiction.parse(Jurisdiction.DALLAS).contains(37.5, 127.0)).isFalse();
    assertThatThrownBy(() -> Jurisdiction.parse("1 2; 3 4")).hasMessageContaining("at least three corners");
    assertThatThrownBy(() -> Jurisdiction.parse("33,-96,32,-95")).hasMessageContaining("minLat < maxLat");
  }
}
