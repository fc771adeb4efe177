package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.List;

/**
 * @param on               conditions that trigger a retry
 * @param max              retries after the first attempt (0 = never retry)
 * @param backoff          wait between attempts
 * @param honourRetryAfter when true, a {@code Retry-After} header replaces the backoff delay
 *                         if it is longer
 */
public record RetryPolicy(List<RetryCondition> on, int max, Backoff backoff, boolean honourRetryAfter) {
    public RetryPolicy {
        Checks.of().notNull("on", on).check("max", max, Rule.COUNT).notNull("backoff", backoff).done();
        on = List.copyOf(on);
    }

    /** No retries. */
    public static RetryPolicy never() {
        return new RetryPolicy(List.of(), 0, new Backoff.None(), true);
    }

    public boolean retriesStatus(int status) {
        return max > 0 && on.stream().anyMatch(c -> c.matchesStatus(status));
    }

    public boolean retriesOn(RetryCondition.Kind kind) {
        return max > 0 && on.stream().anyMatch(c -> c.kind() == kind);
    }
}
