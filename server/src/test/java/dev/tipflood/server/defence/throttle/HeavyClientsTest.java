package dev.tipflood.server.defence.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limit split between light and heavy clients. AIMD with no samples keeps its
 * initial limit, so the limit is a fixed 8 here: heavy clients keep ceil(8 x 0.25) = 2 slots at
 * the limit, light clients 6.
 */
class HeavyClientsTest {
  private final ManualClock clock = new ManualClock();

  private AdaptiveConcurrencyThrottle throttle(AdaptiveConcurrencyThrottle.HeavySplit split) {
    return new AdaptiveConcurrencyThrottle(new AdaptiveConcurrencyThrottle.Settings(
        AdaptiveConcurrencyThrottle.Algorithm.AIMD, 8, 8, 8, split), clock);
  }

  private static AdaptiveConcurrencyThrottle.HeavySplit split() {
    return new AdaptiveConcurrencyThrottle.HeavySplit(3, Duration.ofMinutes(1), 0.25, 1000);
  }

  private Decision offer(AdaptiveConcurrencyThrottle t, String address) {
    return t.decide(Point.HEADERS, new Attempt(address, 4096, clock.nanoTime()));
  }

  @Test
  void atTheLimitABusyAddressIsHeldToItsShareWhileCitizensStillGetIn() {
    AdaptiveConcurrencyThrottle t = throttle(split());
    // A fan's NAT: its first 3 requests are light, from the 4th on it is heavy; below the limit it may take any free slot.
    for (int i = 0; i < 8; i++) {
      assertThat(offer(t, "10.9.9.9")).as("request %d below the limit", i + 1).isInstanceOf(Decision.Admit.class);
    }
    assertThat(t.limit()).isEqualTo(8);
    Decision refused = offer(t, "10.9.9.9");
    assertThat(refused).isInstanceOfSatisfying(Decision.Reject.class, r -> {
      assertThat(r.reason()).isEqualTo(Reason.CONCURRENCY_LIMITED);
      assertThat(r.detail()).contains("clients sending as many requests as this address get 25%");
    });
    // The light partition holds 3 of its 6 slots: three citizens get in although 8 tips are in flight.
    for (int i = 0; i < 3; i++) {
      assertThat(offer(t, "10.0.0." + i)).as("citizen %d at the limit", i).isInstanceOf(Decision.Admit.class);
    }
    assertThat(offer(t, "10.0.0.99")).as("the light share is used up too").isInstanceOf(Decision.Reject.class);
    assertThat(t.state()).containsEntry("refusedHeavy", 1L).containsEntry("refusedLight", 1L);
  }

  @Test
  void anAddressThatQuietsDownIsLightAgainAfterAFewHalfLives() {
    AdaptiveConcurrencyThrottle t = throttle(split());
    HeavyClients counts = new HeavyClients(split(), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(counts.partitionOf("10.9.9.9")).isEqualTo(HeavyClients.LIGHT);
    }
    assertThat(counts.partitionOf("10.9.9.9")).isEqualTo(HeavyClients.HEAVY);
    clock.advance(Duration.ofMinutes(2)); // 4 requests decay to 1
    assertThat(counts.partitionOf("10.9.9.9")).as("1 + 1 = 2 requests now").isEqualTo(HeavyClients.LIGHT);
    assertThat(t.state()).containsKey("addresses");
  }

  @Test
  void withoutASplitACitizenAtTheLimitIsRefusedLikeEveryoneElse() {
    AdaptiveConcurrencyThrottle t = throttle(null);
    for (int i = 0; i < 8; i++) {
      assertThat(offer(t, "10.9.9.9")).isInstanceOf(Decision.Admit.class);
    }
    assertThat(offer(t, "10.0.0.1")).isInstanceOf(Decision.Reject.class);
    assertThat(t.state()).doesNotContainKey("refusedHeavy");
  }
}
