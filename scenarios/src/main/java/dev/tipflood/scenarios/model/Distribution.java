package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import java.util.random.RandomGenerator;

/**
 * A distribution of a non-negative quantity in base units: bytes for sizes, milliseconds for
 * durations. In YAML it is written with units ({@code median: 3MB}, {@code min: 10s}).
 */
public sealed interface Distribution permits Distribution.LogNormal, Distribution.Uniform, Distribution.Fixed {

    /** The YAML {@code kind:} name. */
    String kind();

    /** Draws one value from the distribution. */
    double sample(RandomGenerator random);

    /** The mean, used to plan corpus budgets. */
    double mean();

    /**
     * Log-normal with the given median ({@code e^mu}) and shape {@code sigma}, truncated to
     * [{@code min}, {@code max}] by redrawing (so the shape inside the bounds is kept).
     */
    record LogNormal(double median, double sigma, double min, double max) implements Distribution {
        public LogNormal {
            Checks.of().check("median", median, Rule.POSITIVE).check("sigma", sigma, Rule.NON_NEGATIVE)
                    .check("min", min, Rule.NON_NEGATIVE)
                    .require(max >= median && median >= min, "max", Rule.format(max),
                            "bounds must satisfy min <= median <= max")
                    .done();
        }

        @Override
        public String kind() {
            return "lognormal";
        }

        @Override
        public double sample(RandomGenerator random) {
            for (int i = 0; i < 64; i++) {
                double v = median * Math.exp(sigma * random.nextGaussian());
                if (v >= min && v <= max) {
                    return v;
                }
            }
            return median;
        }

        @Override
        public double mean() {
            return Math.min(max, median * Math.exp(sigma * sigma / 2));
        }
    }

    /** Uniform on [{@code min}, {@code max}]. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            Checks.of().check("min", min, Rule.NON_NEGATIVE)
                    .require(max >= min, "max", Rule.format(max), "must be >= min (" + Rule.format(min) + ")")
                    .done();
        }

        @Override
        public String kind() {
            return "uniform";
        }

        @Override
        public double sample(RandomGenerator random) {
            return max == min ? min : min + (max - min) * random.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }
    }

    /** Always {@code value}. */
    record Fixed(double value) implements Distribution {
        public Fixed {
            Checks.of().check("value", value, Rule.NON_NEGATIVE).done();
        }

        @Override
        public String kind() {
            return "fixed";
        }

        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }
    }
}
