package dev.tipflood.loadgen.plan;

import java.util.List;

/**
 * How long a run drains after its schedule by default: the longest a tip started at the very end
 * of the schedule can still take to reach an outcome by its own client's rules, so that every tip
 * ends answered, timed out by its own timeout, or out of retries, and only one that outlives all
 * of that is counted lost. For each population: every attempt runs to its timeout, and before
 * each retry the client waits its longest backoff, or {@link #RETRY_AFTER_ALLOWANCE_MILLIS} when
 * it honours {@code Retry-After} and that is longer. The longest population wins, capped at
 * {@link #MAX_SECONDS}.
 *
 * <p>Baseline's citizens (120 s timeout, 3 retries, exponential 2 s to 60 s): 4 x 120 s + 2 s + 4 s
 * + 60 s... = 8 min 51 s would exceed the cap: it drains at most 10 minutes. The run ends as soon as
 * every tip has its outcome, so the bound only costs time when the service holds tips unanswered.
 */
public final class DrainBound {
  /** The longest {@code Retry-After} the bound allows for per retry. */
  public static final long RETRY_AFTER_ALLOWANCE_MILLIS = 60_000;
  /** The cap on the drain. */
  public static final int MAX_SECONDS = 600;

  private DrainBound() {
  }

  /** The drain in whole seconds, rounded up. */
  public static int seconds(List<ClientBehaviour> clients) {
    long longest = 0;
    for (ClientBehaviour c : clients) {
      longest = Math.max(longest, tipLifeMillis(c));
    }
    return (int) Math.min(MAX_SECONDS, (longest + 999) / 1000);
  }

  /** The longest a tip can take under {@code client}: every attempt times out and every wait is its longest. */
  static long tipLifeMillis(ClientBehaviour client) {
    RetryPolicy r = client.retry();
    long life = (long) client.timeoutMillis() * (r.maxRetries() + 1);
    for (int retry = 1; retry <= r.maxRetries(); retry++) {
      long wait = longestBackoffMillis(r.backoff(), retry);
      if (r.honourRetryAfter()) {
        wait = Math.max(wait, RETRY_AFTER_ALLOWANCE_MILLIS);
      }
      life += wait;
    }
    return life;
  }

  private static long longestBackoffMillis(Backoff b, int retry) {
    return switch (b.kind()) {
      case NONE -> 0;
      case FIXED -> b.baseMillis();
      case EXPONENTIAL -> (long) Math.min(b.maxMillis(), b.baseMillis() * Math.pow(2, retry - 1));
    };
  }
}
