package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * Service level objectives a run is scored against.
 *
 * @param legitAcceptP99       p99 latency of accepted legit uploads (client side)
 * @param legitSuccessRatio    share of legit tips that must end accepted
 * @param legitTimeToReviewP95 p95 time from acceptance to a human review, for legit tips
 * @param junkStorageShareMax  highest tolerated share of stored bytes that are junk
 */
public record Slo(Duration legitAcceptP99, double legitSuccessRatio, Duration legitTimeToReviewP95,
                  double junkStorageShareMax) {
    public Slo {
        Checks.of().notNull("legitAcceptP99", legitAcceptP99).notNull("legitTimeToReviewP95", legitTimeToReviewP95)
                .check("legitSuccessRatio", legitSuccessRatio, Rule.FRACTION)
                .check("junkStorageShareMax", junkStorageShareMax, Rule.FRACTION).done();
        Checks.of().require(legitAcceptP99.toMillis() > 0, "legitAcceptP99", Durations.format(legitAcceptP99), "must be > 0s")
                .require(legitTimeToReviewP95.toMillis() > 0, "legitTimeToReviewP95",
                        Durations.format(legitTimeToReviewP95), "must be > 0s")
                .done();
    }

    /** Defaults used for fields a scenario leaves out. */
    public static Slo defaults() {
        return new Slo(Duration.ofSeconds(2), 0.99, Duration.ofMinutes(30), 0.5);
    }
}
