package dev.tipflood.server.defence.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.config.DefenceSpec;
import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.Point;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DefenceSetTest {
  private final ManualClock clock = new ManualClock();

  private DefenceSet set() {
    return new DefenceSet(List.of(
        new DefenceSpec("per-address", "token-bucket", true, Map.of("key", "address", "capacity", "1")),
        new DefenceSpec("per-device", "token-bucket", false, Map.of("key", "device", "capacity", "1")),
        new DefenceSpec("adaptive", "adaptive-concurrency", true, Map.of())), clock);
  }

  private static List<String> names(DefenceSet.Slot[] slots) {
    return java.util.Arrays.stream(slots).map(DefenceSet.Slot::name).toList();
  }

  @Test
  void eachPointListsTheEnabledDefencesActingThereInProfileOrder() {
    DefenceSet set = set();
    assertThat(names(set.at(Point.HEADERS))).containsExactly("per-address", "adaptive");
    assertThat(set.at(Point.METADATA)).isEmpty();
    assertThat(set.at(Point.CONNECTION)).isEmpty();
    assertThat(set.anyOnRequests()).isTrue();
  }

  @Test
  void enableAndDisableChangeTheSnapshotAndTellListeners() {
    DefenceSet set = set();
    AtomicInteger changes = new AtomicInteger();
    set.onChange(changes::incrementAndGet);
    set.enable("per-device");
    assertThat(names(set.at(Point.METADATA))).containsExactly("per-device");
    set.disable("per-address");
    set.disable("adaptive");
    assertThat(set.at(Point.HEADERS)).isEmpty();
    assertThat(set.all()).extracting(DefenceSet.Slot::name).containsExactly("per-address", "per-device", "adaptive");
    assertThat(changes).hasValue(3);
  }

  @Test
  void retuneRebuildsWithMergedSettingsAndABadValueChangesNothing() {
    DefenceSet set = set();
    Attempt a = new Attempt("10.0.0.1", 10, clock.nanoTime());
    assertThat(set.at(Point.HEADERS)[0].defence().decide(Point.HEADERS, a)).isInstanceOf(Decision.Admit.class);
    assertThat(set.at(Point.HEADERS)[0].defence().decide(Point.HEADERS, a)).isInstanceOf(Decision.Reject.class);
    DefenceSet.Slot before = set.all().get(0);
    assertThatThrownBy(() -> set.retune("per-address", Map.of("capacity", "0")))
        .isInstanceOf(InvalidSettingException.class).hasMessage("capacity: must be at least 1, got 0");
    assertThat(set.all().get(0)).isSameAs(before);
    DefenceSet.Slot after = set.retune("per-address", Map.of("capacity", "3"));
    assertThat(after.spec().settings()).containsEntry("capacity", "3").containsEntry("key", "address");
    assertThat(set.at(Point.HEADERS)[0].defence().decide(Point.HEADERS, a)).as("a fresh, full bucket")
        .isInstanceOf(Decision.Admit.class);
  }

  @Test
  void unknownNamesListTheDeclaredOnes() {
    assertThatThrownBy(() -> set().enable("global")).isInstanceOf(UnknownDefenceException.class)
        .hasMessage("no defence named 'global'; this profile's defences are: per-address, per-device, adaptive");
  }
}
