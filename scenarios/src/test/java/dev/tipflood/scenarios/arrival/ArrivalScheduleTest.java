package dev.tipflood.scenarios.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.ArrivalSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks of the arrival generators with fixed seeds, in the manner of Hyperfoil's
 * PoissonConstantRateGeneratorTest: a wrong generator fails these with near certainty, a right
 * one passes for these seeds (and for almost every other seed, at the 1 % level).
 */
class ArrivalScheduleTest {
    private static final double ALPHA = 0.01;

    static PopulationSchedule schedule(String arrival, String duration) {
        String yaml = """
                name: arrivals
                description: arrival generator test
                seed: 1234
                duration: %s
                populations:
                  - name: p
                    truth: legit
                    arrival: %s
                    media: {types: {none: {weight: 1}}}
                """.formatted(duration, arrival);
        return ArrivalSchedule.of(Scenarios.parse(yaml, "test")).population("p");
    }

    @Test
    void poissonGapsAreExponential() {
        PopulationSchedule p = schedule("{kind: poisson, rate: 50}", "2m");
        double[] t = p.arrivalSeconds(99);
        double[] gaps = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
        }
        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(1.0 / 50), gaps);
        assertThat(pValue).as("KS p-value of gaps vs Exp(50/s)").isGreaterThan(ALPHA);
        // 6000 expected; a Poisson count has sd ~77
        assertThat(t.length).isBetween(6000 - 4 * 77, 6000 + 4 * 77);
    }

    @Test
    void aWrongRateIsDetectedByTheSameTest() {
        double[] t = schedule("{kind: poisson, rate: 50}", "2m").arrivalSeconds(99);
        double[] gaps = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
        }
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(1.0 / 45), gaps))
                .isLessThan(ALPHA);
    }

    @Test
    void constantArrivalsAreEvenlySpaced() {
        PopulationSchedule p = schedule("{kind: constant, rate: 4}", "10s");
        assertThat(p.arrivalOffsetsMillis(1)).containsExactly(
                0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000, 3250, 3500, 3750, 4000, 4250,
                4500, 4750, 5000, 5250, 5500, 5750, 6000, 6250, 6500, 6750, 7000, 7250, 7500, 7750, 8000, 8250, 8500,
                8750, 9000, 9250, 9500, 9750);
        assertThat(p.ratePerSecond()).hasSize(10);
        assertThat(java.util.stream.DoubleStream.of(p.ratePerSecond())).allMatch(v -> Math.abs(v - 4) < 1e-9);
    }

    @Test
    void rampRatePerSecondIsTheIntegralOfTheLine() {
        double[] r = schedule("{kind: ramp, from: 0, to: 10, start: 2s, over: 10s}", "15s").ratePerSecond();
        assertThat(r[0]).isCloseTo(0, within(1e-9));
        assertThat(r[2]).isCloseTo(0.5, within(1e-6));
        assertThat(r[6]).isCloseTo(4.5, within(1e-6));
        assertThat(r[14]).isCloseTo(10, within(1e-6));
    }

    @Test
    void stepsHoldEachLevelUntilTheNext() {
        double[] r = schedule("{kind: steps, steps: [{at: 2s, rate: 5}, {at: 4s, rate: 1}]}", "6s").ratePerSecond();
        assertThat(r).containsExactly(new double[] {0, 0, 5, 5, 1, 1}, within(1e-9));
    }

    @Test
    void viralCurveRisesToItsPeakHoldsAndHalvesEveryHalfLife() {
        var viral = new ArrivalSpec.Viral(1, Duration.ofSeconds(10), Duration.ofSeconds(20), 101, Duration.ofSeconds(30),
                Duration.ofSeconds(15));
        assertThat(viral.rateAt(5)).isEqualTo(1);
        assertThat(viral.rateAt(10)).isCloseTo(1 + 100 / 100.0, within(1e-9));
        assertThat(viral.rateAt(40)).isEqualTo(101);
        assertThat(viral.rateAt(60 + 15)).isCloseTo(1 + 50, within(1e-9));
        assertThat(viral.rateAt(60 + 30)).isCloseTo(1 + 25, within(1e-9));
    }

    @Test
    void nonHomogeneousCountsPerBinMatchTheDeclaredCurve() {
        PopulationSchedule p = schedule(
                "{kind: viral, base: 2, onset: 10s, growth: 30s, peak: 80, plateau: 20s, decay: 15s}", "2m");
        double[] t = p.arrivalSeconds(7);
        double[] perSecond = p.ratePerSecond();
        // Merge seconds into bins expecting at least 20 arrivals, as a chi-square test needs.
        List<double[]> bins = new ArrayList<>();
        double expected = 0;
        int from = 0;
        for (int s = 0; s < perSecond.length; s++) {
            expected += perSecond[s];
            if (expected >= 20 || s == perSecond.length - 1) {
                bins.add(new double[] {from, s + 1, expected});
                expected = 0;
                from = s + 1;
            }
        }
        double[] exp = new double[bins.size()];
        long[] obs = new long[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            double[] b = bins.get(i);
            exp[i] = b[2];
            obs[i] = Arrays.stream(t).filter(x -> x >= b[0] && x < b[1]).count();
        }
        assertThat(bins).hasSizeGreaterThan(40);
        assertThat(new ChiSquareTest().chiSquareTest(exp, obs)).as("chi-square p-value").isGreaterThan(ALPHA);
    }

    @Test
    void rescaledNonHomogeneousGapsAreUnitExponential() {
        // Time-rescaling theorem: if t_k is an NHPP with cumulative rate L, L(t_k) is a unit-rate Poisson process.
        PopulationSchedule p = schedule("""
                {kind: waves, waves: [{start: 5s, length: 30s, arrival: {kind: ramp, from: 5, to: 60, over: 20s}},
                  {start: 50s, length: 30s, arrival: {kind: poisson, rate: 30}}]}""", "90s");
        RateCurve curve = new RateCurve(p.population().arrival(), 90);
        double[] t = p.arrivalSeconds(5);
        double[] gaps = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = curve.cumulativeAt(t[i]) - curve.cumulativeAt(t[i - 1]);
        }
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(1), gaps))
                .isGreaterThan(ALPHA);
        assertThat(Arrays.stream(t).filter(x -> x >= 35 && x < 50).count()).as("nothing in the pause").isZero();
    }

    @Test
    void sameSeedSameArrivalsOtherSeedOtherArrivals() {
        PopulationSchedule p = schedule("{kind: poisson, rate: 10}", "30s");
        assertThat(p.arrivalOffsetsMillis(3)).isEqualTo(p.arrivalOffsetsMillis(3)).isSorted();
        assertThat(p.arrivalOffsetsMillis(3)).isNotEqualTo(p.arrivalOffsetsMillis(4));
    }

    @Test
    void defaultSeedComesFromTheScenarioSeed() {
        Scenario s = Scenarios.builtin("smoke");
        long[] a = ArrivalSchedule.of(s).population("citizens").arrivalOffsetsMillis();
        assertThat(ArrivalSchedule.of(s).population("citizens").arrivalOffsetsMillis()).isEqualTo(a);
        assertThat(ArrivalSchedule.of(s.withSeed(43)).population("citizens").arrivalOffsetsMillis()).isNotEqualTo(a);
        assertThat(a).isNotEmpty();
        assertThat(a[0]).isNotNegative();
        assertThat(a[a.length - 1]).isLessThan(30_000);
    }
}
