package dev.tipflood.loadgen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrainBoundTest {
  private static ClientBehaviour client(int timeoutMillis, int retries, Backoff backoff, boolean honourRetryAfter) {
    return new ClientBehaviour(timeoutMillis, new RetryPolicy(retries, Set.of(503), true, true, backoff,
        honourRetryAfter), 0);
  }

  @Test
  void everyAttemptTimesOutAndEveryWaitIsItsLongest() {
    // 30 s timeout, 3 retries without backoff: 4 x 30 s.
    assertThat(DrainBound.tipLifeMillis(client(30_000, 3, Backoff.NONE, false))).isEqualTo(120_000);
    // exponential 1 s .. 4 s: waits 1, 2, 4 s
    assertThat(DrainBound.tipLifeMillis(client(10_000, 3, new Backoff(Backoff.Kind.EXPONENTIAL, 1000, 4000, 1.0), false)))
        .isEqualTo(40_000 + 7_000);
    // honouring Retry-After allows up to a minute per retry
    assertThat(DrainBound.tipLifeMillis(client(10_000, 1, new Backoff(Backoff.Kind.FIXED, 2000, 2000, 0), true)))
        .isEqualTo(20_000 + DrainBound.RETRY_AFTER_ALLOWANCE_MILLIS);
  }

  @Test
  void theLongestPopulationWinsUpToTheCap() {
    assertThat(DrainBound.seconds(List.of(client(5_000, 0, Backoff.NONE, false), client(30_500, 0, Backoff.NONE, false))))
        .isEqualTo(31);
    assertThat(DrainBound.seconds(List.of(client(120_000, 8, Backoff.NONE, true)))).isEqualTo(DrainBound.MAX_SECONDS);
  }
}
