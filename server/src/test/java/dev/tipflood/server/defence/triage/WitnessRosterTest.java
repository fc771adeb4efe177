package dev.tipflood.server.defence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WitnessRosterTest {
  @Test
  void aTipJoiningAGroupMakesItVisibleFromEveryMember() {
    WitnessRoster roster = new WitnessRoster(100);
    assertThat(roster.groupOf("a")).as("alone, a tip is in no group").isEmpty();
    roster.joined("b", "a");
    roster.joined("c", "a");
    assertThat(roster.groupOf("a")).contains(new WitnessRoster.Group("a", 3, java.util.List.of("a", "b", "c")));
    assertThat(roster.groupOf("c")).isEqualTo(roster.groupOf("a"));
  }

  @Test
  void aTipJoinsOnceAndOnlyItsFirstGroup() {
    WitnessRoster roster = new WitnessRoster(100);
    roster.joined("b", "a");
    roster.joined("b", "a");
    roster.joined("b", "x");
    assertThat(roster.groupOf("b").orElseThrow().id()).isEqualTo("a");
    assertThat(roster.groupOf("a").orElseThrow().size()).isEqualTo(2);
  }

  @Test
  void aLargeGroupCountsEveryTipAndListsTheFirstOnes() {
    WitnessRoster roster = new WitnessRoster(1_000);
    for (int i = 0; i < WitnessRoster.SHOWN + 20; i++) {
      roster.joined("t" + i, "founder");
    }
    WitnessRoster.Group g = roster.groupOf("t3").orElseThrow();
    assertThat(g.size()).isEqualTo(WitnessRoster.SHOWN + 21);
    assertThat(g.tips()).hasSize(WitnessRoster.SHOWN).startsWith("founder", "t0");
  }

  @Test
  void itIsBounded() {
    WitnessRoster roster = new WitnessRoster(10);
    for (int i = 0; i < 1_000; i++) {
      roster.joined("t" + i, "g" + i);
    }
    long remembered = java.util.stream.IntStream.range(0, 1_000).filter(i -> roster.groupOf("t" + i).isPresent())
        .count();
    assertThat(remembered).isLessThanOrEqualTo(10);
  }
}
