package dev.tipflood.scenarios.reader;

import dev.tipflood.binding.Conv;
import dev.tipflood.binding.Convs;
import dev.tipflood.binding.KindRegistry;
import dev.tipflood.binding.MapView;
import dev.tipflood.binding.Rule;
import dev.tipflood.scenarios.model.ArrivalSpec;
import dev.tipflood.scenarios.model.Backoff;
import dev.tipflood.scenarios.model.Distribution;
import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * The one place where YAML {@code kind:} names map to builders: arrival processes, size and
 * duration distributions, and retry backoffs. Add a kind here and it is parsed, validated,
 * listed in error messages and checked against the JSON Schema.
 */
public final class Kinds {

    private static final String DURATION = Durations.EXPECTED;
    private static final String RATE = "tips per second, a number >= 0";
    private static final Conv<Double> RATE_CONV = Convs.number(Rule.NON_NEGATIVE);

    /** Arrival processes. */
    public static final KindRegistry<Void, ArrivalSpec> ARRIVALS = new KindRegistry<Void, ArrivalSpec>("arrival kind")
            .register("constant", ArrivalSpec.Constant.class,
                    (m, c) -> rate(m, ArrivalSpec.Constant::new))
            .register("poisson", ArrivalSpec.Poisson.class,
                    (m, c) -> rate(m, ArrivalSpec.Poisson::new))
            .register("ramp", ArrivalSpec.Ramp.class, Kinds::ramp)
            .register("steps", ArrivalSpec.Steps.class, Kinds::steps)
            .register("viral", ArrivalSpec.Viral.class, Kinds::viral)
            .register("waves", ArrivalSpec.Waves.class, Kinds::waves);

    /** Size and duration distributions; the context converts one quantity to base units. */
    public static final KindRegistry<Conv<Double>, Distribution> DISTRIBUTIONS =
            new KindRegistry<Conv<Double>, Distribution>("distribution")
                    .register("lognormal", Distribution.LogNormal.class, Kinds::lognormal)
                    .register("uniform", Distribution.Uniform.class, (m, unit) -> {
                        Double min = m.required("min", unit, "the lower bound");
                        Double max = m.required("max", unit, "the upper bound");
                        return m.build(() -> new Distribution.Uniform(min, max));
                    })
                    .register("fixed", Distribution.Fixed.class, (m, unit) -> {
                        Double value = m.required("value", unit, "the value");
                        return m.build(() -> new Distribution.Fixed(value));
                    });

    /** Retry backoffs. */
    public static final KindRegistry<Void, Backoff> BACKOFFS = new KindRegistry<Void, Backoff>("backoff kind")
            .register("none", Backoff.None.class, (m, c) -> m.build(Backoff.None::new))
            .register("fixed", Backoff.Fixed.class, (m, c) -> {
                Duration delay = m.required("delay", Convs.duration(), DURATION);
                return m.build(() -> new Backoff.Fixed(delay));
            })
            .register("exponential", Backoff.Exponential.class, (m, c) -> {
                Duration base = m.required("base", Convs.duration(), DURATION);
                Duration max = m.optional("max", Convs.duration(), Duration.ofSeconds(60));
                Double jitter = m.optional("jitter", Convs.number(Rule.FRACTION), 1.0);
                return m.build(() -> new Backoff.Exponential(base, max, jitter));
            });

    private Kinds() {
    }

    private static ArrivalSpec rate(MapView m, java.util.function.DoubleFunction<ArrivalSpec> constructor) {
        Double rate = m.required("rate", RATE_CONV, RATE);
        return m.build(() -> constructor.apply(rate));
    }

    private static ArrivalSpec ramp(MapView m, Void c) {
        Double from = m.required("from", RATE_CONV, RATE);
        Double to = m.required("to", RATE_CONV, RATE);
        Duration start = m.optional("start", Convs.duration(), Duration.ZERO);
        Duration over = m.required("over", Convs.duration(), DURATION);
        return m.build(() -> new ArrivalSpec.Ramp(from, to, start, over));
    }

    private static ArrivalSpec steps(MapView m, Void c) {
        var steps = m.required("steps", Convs.list(Convs.object(s -> {
            Duration at = s.required("at", Convs.duration(), DURATION);
            Double rate = s.required("rate", RATE_CONV, RATE);
            return s.build(() -> new ArrivalSpec.Step(at, rate));
        })), "a list of {at, rate}");
        return m.build(() -> new ArrivalSpec.Steps(steps));
    }

    private static ArrivalSpec viral(MapView m, Void c) {
        Double base = m.optional("base", RATE_CONV, 0.0);
        Duration onset = m.optional("onset", Convs.duration(), Duration.ZERO);
        Duration growth = m.required("growth", Convs.duration(), DURATION);
        Double peak = m.required("peak", Convs.number(Rule.POSITIVE), "the peak rate in tips per second, > 0");
        Duration plateau = m.optional("plateau", Convs.duration(), Duration.ZERO);
        Duration decay = m.required("decay", Convs.duration(), "the half-life of the decay, " + DURATION);
        return m.build(() -> new ArrivalSpec.Viral(base, onset, growth, peak, plateau, decay));
    }

    private static ArrivalSpec waves(MapView m, Void c) {
        var waves = m.required("waves", Convs.list(Convs.object(w -> {
            Duration start = w.required("start", Convs.duration(), DURATION);
            Duration length = w.required("length", Convs.duration(), DURATION);
            ArrivalSpec arrival = w.required("arrival", ARRIVALS.conv(null), "an arrival process");
            return w.build(() -> new ArrivalSpec.Wave(start, length, arrival));
        })), "a list of {start, length, arrival}");
        return m.build(() -> new ArrivalSpec.Waves(waves));
    }

    private static Distribution lognormal(MapView m, Conv<Double> unit) {
        Double median = m.required("median", unit, "the median");
        Double sigma = m.required("sigma", Convs.number(Rule.NON_NEGATIVE), "the log-space standard deviation, >= 0");
        Double min = m.optional("min", unit, 0.0);
        Double max = m.optional("max", unit, Double.MAX_VALUE);
        return m.build(() -> new Distribution.LogNormal(median, sigma, min, max));
    }
}
