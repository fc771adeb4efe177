package dev.tipflood.scenarios.model;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible seeds from the scenario seed, so that e.g. each population's
 * arrivals and each corpus file get their own random stream regardless of processing order.
 */
public final class Seeds {
    private Seeds() {
    }

    /** Mixes a seed with any number of parts (SplitMix64 finaliser per step). */
    public static long derive(long seed, long... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : parts) {
            h = mix(h + 0x9E3779B97F4A7C15L * (p + 1));
        }
        return h;
    }

    /** A random stream for the given derivation. */
    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(derive(seed, parts));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
