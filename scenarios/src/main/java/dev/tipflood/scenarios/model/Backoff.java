package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** The wait before retry attempt {@code k} (1-based). {@link None} retries at once: a retry storm. */
public sealed interface Backoff permits Backoff.None, Backoff.Fixed, Backoff.Exponential {

    /** The YAML {@code kind:} name. */
    String kind();

    /** The delay before retry number {@code attempt} (1 = first retry). */
    Duration delay(int attempt, RandomGenerator random);

    /** Retry immediately. */
    record None() implements Backoff {
        @Override
        public String kind() {
            return "none";
        }

        @Override
        public Duration delay(int attempt, RandomGenerator random) {
            return Duration.ZERO;
        }
    }

    /** Always wait {@code delay}. */
    record Fixed(Duration delay) implements Backoff {
        public Fixed {
            Checks.of().notNull("delay", delay).done();
            Checks.of().require(!delay.isNegative(), "delay", Durations.format(delay), "must be >= 0s").done();
        }

        @Override
        public String kind() {
            return "fixed";
        }

        @Override
        public Duration delay(int attempt, RandomGenerator random) {
            return delay;
        }
    }

    /**
     * {@code min(max, base * 2^(attempt-1))}, of which a random share up to {@code jitter} is
     * taken off ({@code jitter: 1} is "full jitter", {@code 0} none).
     */
    record Exponential(Duration base, Duration max, double jitter) implements Backoff {
        public Exponential {
            Checks.of().notNull("base", base).notNull("max", max).check("jitter", jitter, Rule.FRACTION).done();
            Checks.of().require(base.toMillis() > 0, "base", Durations.format(base), "must be > 0s")
                    .require(max.compareTo(base) >= 0, "max", Durations.format(max),
                            "must be >= base (" + Durations.format(base) + ")")
                    .done();
        }

        @Override
        public String kind() {
            return "exponential";
        }

        @Override
        public Duration delay(int attempt, RandomGenerator random) {
            double ms = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
            return Duration.ofMillis(Math.round(ms * (1 - jitter * random.nextDouble())));
        }
    }
}
