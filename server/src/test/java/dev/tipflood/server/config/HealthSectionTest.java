package dev.tipflood.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthSectionTest {

  private static Profile parse(String yaml) {
    return ProfileLoader.parse(("name: t\n" + yaml).getBytes(StandardCharsets.UTF_8), "t.yaml");
  }

  @Test
  void absentSectionTakesTheDefaults() {
    HealthConfig h = parse("").health();
    assertThat(h).isEqualTo(new HealthConfig(0.9, 0.3, Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofMillis(100)));
  }

  @Test
  void fieldsAreReadAndNotScaled() {
    Profile p = parse("health: {heapAfterGc: 0.8, gcOverhead: 0.2, window: 10s, eventLoopLag: 500ms, "
        + "probeInterval: 50ms}\n");
    assertThat(p.health()).isEqualTo(new HealthConfig(0.8, 0.2, Duration.ofSeconds(10), Duration.ofMillis(500),
        Duration.ofMillis(50)));
    assertThat(p.scaled(0.01).health()).isEqualTo(p.health());
  }

  @Test
  void heapFractionAboveOneIsRefusedWithItsField() {
    assertThatThrownBy(() -> parse("health:\n  heapAfterGc: 1.5\n"))
        .hasMessageStartingWith("t.yaml:3:16: health.heapAfterGc: bad value '1.5': ")
        .hasMessageContaining("> 0 and <= 1, got 1.5");
  }

  @Test
  void probeIntervalAboveTheLagThresholdIsRefused() {
    assertThatThrownBy(() -> parse("health: {eventLoopLag: 50ms, probeInterval: 100ms}\n"))
        .hasMessageContaining("t.yaml:2:45: health.probeInterval: bad value '100ms'")
        .hasMessageContaining("must not exceed eventLoopLag (50ms)");
  }

  @Test
  void windowOutOfRangeIsRefused() {
    assertThatThrownBy(() -> parse("health: {window: 500ms}\n"))
        .hasMessageContaining("health.window: bad value '500ms'").hasMessageContaining("between 1s and 5m");
  }

  @Test
  void unknownFieldIsRefusedWithTheAllowedOnes() {
    assertThatThrownBy(() -> parse("health: {gcWindow: 5s}\n"))
        .hasMessageContaining("health.gcWindow: bad value 'gcWindow': unknown field")
        .hasMessageContaining("heapAfterGc, gcOverhead, window, eventLoopLag, probeInterval");
  }
}
