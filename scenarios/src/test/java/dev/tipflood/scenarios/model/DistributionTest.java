package dev.tipflood.scenarios.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Size and duration samplers against their declared distributions, with a fixed seed. */
class DistributionTest {
    private static final double ALPHA = 0.01;

    static double[] sample(Distribution d, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return DoubleStream.generate(() -> d.sample(r)).limit(n).toArray();
    }

    @Test
    void lognormalSizesFollowTheLognormal() {
        double[] x = sample(new Distribution.LogNormal(3e6, 0.6, 0, Double.MAX_VALUE), 5000, 1);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new LogNormalDistribution(Math.log(3e6), 0.6), x);
        assertThat(p).isGreaterThan(ALPHA);
    }

    @Test
    void aMisdeclaredSigmaIsDetected() {
        double[] x = sample(new Distribution.LogNormal(3e6, 0.6, 0, Double.MAX_VALUE), 5000, 1);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new LogNormalDistribution(Math.log(3e6), 0.7), x);
        assertThat(p).isLessThan(ALPHA);
    }

    @Test
    void truncatedLognormalStaysInsideItsBounds() {
        assertThat(DoubleStream.of(sample(new Distribution.LogNormal(3e6, 1.5, 1e6, 5e6), 2000, 2)))
                .allMatch(v -> v >= 1e6 && v <= 5e6);
    }

    @Test
    void uniformDurationsAreUniform() {
        double[] x = sample(new Distribution.Uniform(10_000, 90_000), 5000, 3);
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(10_000, 90_000), x))
                .isGreaterThan(ALPHA);
    }

    @Test
    void exponentialBackoffDoublesUpToItsCapWithJitterTakingOff() {
        var b = new Backoff.Exponential(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.5);
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            assertThat(b.delay(3, r).toMillis()).isBetween(2000L, 4000L);
            assertThat(b.delay(10, r).toMillis()).isBetween(4000L, 8000L);
        }
        assertThat(new Backoff.None().delay(5, r)).isZero();
    }
}
