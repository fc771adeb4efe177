package dev.tipflood.scenarios.arrival;

import dev.tipflood.scenarios.model.ArrivalSpec;
import dev.tipflood.scenarios.model.Population;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The offered load of one population over a scenario's duration.
 *
 * <ul>
 *   <li>{@link #ratePerSecond()}: the expected tips in each second, for a Gatling open
 *       injection profile built from {@code constantUsersPerSec(rate).during(1s)} steps.</li>
 *   <li>{@link #arrivalOffsetsMillis(long)}: concrete arrival times. {@code constant}: evenly
 *       spaced at {@code k / rate}. {@code poisson}: exponential gaps. Every other kind: a
 *       non-homogeneous Poisson process drawn by inversion of the cumulative rate
 *       ({@code t_k = Λ⁻¹(E_1 + … + E_k)} with unit exponentials {@code E_i}), which is exact
 *       for any curve and uses one random number per arrival.</li>
 * </ul>
 */
public final class PopulationSchedule {
    private final Population population;
    private final double durationSeconds;
    private final long defaultSeed;
    private final RateCurve curve;

    PopulationSchedule(Population population, double durationSeconds, long defaultSeed) {
        this.population = population;
        this.durationSeconds = durationSeconds;
        this.defaultSeed = defaultSeed;
        this.curve = new RateCurve(population.arrival(), durationSeconds);
    }

    public Population population() {
        return population;
    }

    public String name() {
        return population.name();
    }

    /** Expected tips in each whole second {@code [i, i+1)} of the duration (last one may be partial). */
    public double[] ratePerSecond() {
        int n = (int) Math.ceil(durationSeconds);
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = curve.cumulativeAt(i + 1) - curve.cumulativeAt(i);
        }
        return rates;
    }

    /** Expected tips over the whole duration. */
    public double expectedArrivals() {
        return curve.total();
    }

    /** Arrival offsets from the start, in milliseconds, sorted, with the scenario-derived seed. */
    public long[] arrivalOffsetsMillis() {
        return arrivalOffsetsMillis(defaultSeed);
    }

    /** Arrival offsets from the start, in milliseconds, sorted; the same seed gives the same array. */
    public long[] arrivalOffsetsMillis(long seed) {
        double[] seconds = arrivalSeconds(seed);
        long[] ms = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            ms[i] = (long) Math.floor(seconds[i] * 1000);
        }
        return ms;
    }

    /** Arrival times in seconds, full precision (for statistical tests). */
    public double[] arrivalSeconds(long seed) {
        ArrivalSpec spec = population.arrival();
        if (spec instanceof ArrivalSpec.Constant c) {
            return evenlySpaced(c.rate());
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[16];
        int n = 0;
        double total = curve.total();
        double s = 0;
        int[] hint = {0};
        while (true) {
            s += -Math.log(1 - random.nextDouble());
            if (s >= total) {
                break;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = spec instanceof ArrivalSpec.Poisson p ? s / p.rate() : curve.inverse(s, hint);
        }
        return Arrays.copyOf(out, n);
    }

    private double[] evenlySpaced(double rate) {
        if (rate <= 0) {
            return new double[0];
        }
        int n = (int) Math.ceil(durationSeconds * rate - 1e-9);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = k / rate;
        }
        return out;
    }
}
