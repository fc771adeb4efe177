package dev.tipflood.scenarios.arrival;

import dev.tipflood.scenarios.model.ArrivalSpec;

/**
 * An arrival spec's rate integrated on a fine grid over the scenario duration: the cumulative
 * expected count {@code Λ(t)}, and its inverse for drawing non-homogeneous Poisson arrivals.
 */
final class RateCurve {
    /** Grid step: fine enough that a stepped or ramped rate integrates to well under 1 % error. */
    static final double STEP_SECONDS = 0.01;

    private final double durationSeconds;
    private final double[] cumulative;

    RateCurve(ArrivalSpec spec, double durationSeconds) {
        this.durationSeconds = durationSeconds;
        int n = (int) Math.ceil(durationSeconds / STEP_SECONDS);
        cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double t0 = i * STEP_SECONDS;
            double t1 = Math.min(durationSeconds, t0 + STEP_SECONDS);
            cumulative[i + 1] = cumulative[i] + spec.rateAt((t0 + t1) / 2) * (t1 - t0);
        }
    }

    /** Expected arrivals in [0, t]. */
    double cumulativeAt(double t) {
        if (t <= 0) {
            return 0;
        } else if (t >= durationSeconds) {
            return cumulative[cumulative.length - 1];
        }
        double x = t / STEP_SECONDS;
        int i = (int) x;
        return cumulative[i] + (cumulative[i + 1] - cumulative[i]) * (x - i);
    }

    double total() {
        return cumulative[cumulative.length - 1];
    }

    /** The time at which the cumulative count reaches {@code target} (target < total). */
    double inverse(double target, int[] hint) {
        int i = hint[0];
        while (i < cumulative.length - 2 && cumulative[i + 1] < target) {
            i++;
        }
        hint[0] = i;
        double span = cumulative[i + 1] - cumulative[i];
        double frac = span <= 0 ? 0 : (target - cumulative[i]) / span;
        return Math.min(durationSeconds, (i + frac) * STEP_SECONDS);
    }
}
