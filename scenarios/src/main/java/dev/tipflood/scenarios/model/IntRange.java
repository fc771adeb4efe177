package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.random.RandomGenerator;

/** An inclusive integer range, drawn uniformly. */
public record IntRange(int min, int max) {
    public IntRange {
        Checks.of().check("min", min, Rule.COUNT)
                .require(max >= min, "max", max, "must be >= min (" + min + ")").done();
    }

    public int sample(RandomGenerator random) {
        return min == max ? min : random.nextInt(min, max + 1);
    }

    public double mean() {
        return (min + max) / 2.0;
    }
}
