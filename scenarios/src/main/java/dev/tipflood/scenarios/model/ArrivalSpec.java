package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.List;

/**
 * How a population's tips arrive, as an offered rate in tips per second over scenario time.
 * Arrivals are open-model: they do not wait for earlier tips to finish.
 *
 * <p>{@link Constant} arrivals are evenly spaced; every other kind is a (possibly
 * non-homogeneous) Poisson process whose intensity is {@link #rateAt(double)}. See
 * {@code dev.tipflood.scenarios.arrival.ArrivalSchedule} for how timestamps are drawn.
 */
public sealed interface ArrivalSpec permits ArrivalSpec.Constant, ArrivalSpec.Poisson, ArrivalSpec.Ramp,
        ArrivalSpec.Steps, ArrivalSpec.Viral, ArrivalSpec.Waves {

    /** The YAML {@code kind:} name. */
    String kind();

    /** Offered rate in tips per second at {@code t} seconds after the start. */
    double rateAt(double t);

    /** True when arrival times are random (Poisson); false when evenly spaced. */
    default boolean random() {
        return true;
    }

    /** A steady rate with evenly spaced arrivals: {@code rate} tips per second. */
    record Constant(double rate) implements ArrivalSpec {
        public Constant {
            Checks.of().check("rate", rate, Rule.NON_NEGATIVE).done();
        }

        @Override
        public String kind() {
            return "constant";
        }

        @Override
        public double rateAt(double t) {
            return rate;
        }

        @Override
        public boolean random() {
            return false;
        }
    }

    /** A homogeneous Poisson process of {@code rate} tips per second (exponential gaps). */
    record Poisson(double rate) implements ArrivalSpec {
        public Poisson {
            Checks.of().check("rate", rate, Rule.NON_NEGATIVE).done();
        }

        @Override
        public String kind() {
            return "poisson";
        }

        @Override
        public double rateAt(double t) {
            return rate;
        }
    }

    /**
     * A linear ramp: {@code from} until {@code start}, then linearly to {@code to} over
     * {@code over}, then {@code to}.
     */
    record Ramp(double from, double to, Duration start, Duration over) implements ArrivalSpec {
        public Ramp {
            Checks.of().check("from", from, Rule.NON_NEGATIVE).check("to", to, Rule.NON_NEGATIVE)
                    .notNull("start", start).notNull("over", over).done();
            Checks.of().require(!start.isNegative(), "start", Durations.format(start), "must be >= 0s")
                    .require(over.toMillis() > 0, "over", Durations.format(over), "must be > 0s").done();
        }

        @Override
        public String kind() {
            return "ramp";
        }

        @Override
        public double rateAt(double t) {
            double s = Durations.seconds(start);
            double u = (t - s) / Durations.seconds(over);
            return u <= 0 ? from : u >= 1 ? to : from + (to - from) * u;
        }
    }

    /** One level of a stepped ramp: from {@code at} on, the rate is {@code rate}. */
    record Step(Duration at, double rate) {
        public Step {
            Checks.of().notNull("at", at).check("rate", rate, Rule.NON_NEGATIVE).done();
            Checks.of().require(!at.isNegative(), "at", Durations.format(at), "must be >= 0s").done();
        }
    }

    /** A stepped ramp. The rate is 0 before the first step and each level holds until the next. */
    record Steps(List<Step> steps) implements ArrivalSpec {
        public Steps {
            steps = List.copyOf(steps);
            Checks c = Checks.of().require(!steps.isEmpty(), "steps", "[]", "must list at least one step");
            for (int i = 1; i < steps.size(); i++) {
                c.require(steps.get(i).at().compareTo(steps.get(i - 1).at()) > 0, "steps[" + i + "].at",
                        Durations.format(steps.get(i).at()), "steps must be in increasing order of 'at'");
            }
            c.done();
        }

        @Override
        public String kind() {
            return "steps";
        }

        @Override
        public double rateAt(double t) {
            double rate = 0;
            for (Step s : steps) {
                if (t >= Durations.seconds(s.at())) {
                    rate = s.rate();
                }
            }
            return rate;
        }
    }

    /**
     * A viral curve. {@code base} until {@code onset}; then the excess over base grows
     * exponentially, 100-fold over {@code growth}, up to {@code peak}; holds for
     * {@code plateau}; then the excess halves every {@code decay} (a half-life).
     */
    record Viral(double base, Duration onset, Duration growth, double peak, Duration plateau, Duration decay)
            implements ArrivalSpec {
        public Viral {
            Checks.of().check("base", base, Rule.NON_NEGATIVE).check("peak", peak, Rule.POSITIVE)
                    .notNull("onset", onset).notNull("growth", growth).notNull("plateau", plateau)
                    .notNull("decay", decay).done();
            Checks.of().require(peak >= base, "peak", Rule.format(peak), "must be >= base (" + Rule.format(base) + ")")
                    .require(!onset.isNegative(), "onset", Durations.format(onset), "must be >= 0s")
                    .require(growth.toMillis() > 0, "growth", Durations.format(growth), "must be > 0s")
                    .require(!plateau.isNegative(), "plateau", Durations.format(plateau), "must be >= 0s")
                    .require(decay.toMillis() > 0, "decay", Durations.format(decay), "must be > 0s (a half-life)")
                    .done();
        }

        @Override
        public String kind() {
            return "viral";
        }

        @Override
        public double rateAt(double t) {
            double t0 = Durations.seconds(onset);
            double t1 = t0 + Durations.seconds(growth);
            double t2 = t1 + Durations.seconds(plateau);
            double excess = peak - base;
            if (t < t0) {
                return base;
            } else if (t < t1) {
                return base + excess * Math.pow(100, (t - t1) / Durations.seconds(growth));
            } else if (t < t2) {
                return peak;
            }
            return base + excess * Math.pow(0.5, (t - t2) / Durations.seconds(decay));
        }
    }

    /**
     * One wave: {@code arrival} runs in wave-local time from {@code start} for {@code length};
     * the wave contributes nothing outside that window.
     */
    record Wave(Duration start, Duration length, ArrivalSpec arrival) {
        public Wave {
            Checks.of().notNull("start", start).notNull("length", length).notNull("arrival", arrival).done();
            Checks.of().require(!start.isNegative(), "start", Durations.format(start), "must be >= 0s")
                    .require(length.toMillis() > 0, "length", Durations.format(length), "must be > 0s")
                    .require(!(arrival instanceof Waves), "arrival.kind", "waves", "waves cannot be nested")
                    .done();
        }

        double rateAt(double t) {
            double local = t - Durations.seconds(start);
            return local < 0 || local >= Durations.seconds(length) ? 0 : arrival.rateAt(local);
        }
    }

    /** Several waves, with pauses between them when their windows do not touch. Overlaps add up. */
    record Waves(List<Wave> waves) implements ArrivalSpec {
        public Waves {
            waves = List.copyOf(waves);
            Checks.of().require(!waves.isEmpty(), "waves", "[]", "must list at least one wave").done();
        }

        @Override
        public String kind() {
            return "waves";
        }

        @Override
        public double rateAt(double t) {
            double sum = 0;
            for (Wave w : waves) {
                sum += w.rateAt(t);
            }
            return sum;
        }
    }
}
