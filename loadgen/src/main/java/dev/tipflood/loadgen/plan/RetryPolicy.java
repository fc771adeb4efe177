package dev.tipflood.loadgen.plan;

import java.util.Objects;
import java.util.Set;

/**
 * When and how a client retries. A retry is a new request, sent with the same
 * {@code X-Tipflood-Seq} and the next {@code X-Tipflood-Attempt}.
 *
 * @param maxRetries         retries after the first attempt; 0 disables retrying
 * @param statuses           HTTP statuses that trigger a retry, e.g. 429, 503
 * @param onTimeout          retry after a timeout
 * @param onConnectionError  retry after a connection error
 * @param backoff            wait before each retry
 * @param honourRetryAfter   wait at least the server's {@code Retry-After}; a flood client ignores it
 */
public record RetryPolicy(int maxRetries, Set<Integer> statuses, boolean onTimeout,
                          boolean onConnectionError, Backoff backoff, boolean honourRetryAfter) {

  public static final RetryPolicy NONE = new RetryPolicy(0, Set.of(), false, false, Backoff.NONE, true);

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("retry.maxRetries must be >= 0, was " + maxRetries);
    }
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "retry.statuses"));
    for (int s : statuses) {
      if (s < 100 || s > 599) {
        throw new IllegalArgumentException("retry.statuses must be HTTP statuses 100..599, was " + s);
      }
    }
    Objects.requireNonNull(backoff, "retry.backoff");
  }
}
