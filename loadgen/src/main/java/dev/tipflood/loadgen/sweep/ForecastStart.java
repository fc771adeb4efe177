package dev.tipflood.loadgen.sweep;

import dev.tipflood.loadgen.forecast.Forecast;
import dev.tipflood.loadgen.forecast.Forecaster;
import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.scenarios.model.Scenario;

/**
 * Where the bracketing starts: the intensity at which the offered-load forecast ({@code tipflood plan})
 * puts the busiest resource a short step can see at full utilisation. Utilisation is linear in the
 * junk rate, so it is interpolated between the forecasts at intensity 0 and 1. Reviewers are left
 * out: their backlog breaks a time-to-review bound of minutes, which a step of seconds cannot see.
 */
public final class ForecastStart {
  private ForecastStart() {
  }

  /** The forecast's breaking intensity, or {@code fallback} when no limited resource grows with the flood. */
  public static double intensity(Scenario base, SteadyStep step, ProfileCapacity capacity, double fallback) {
    Forecast none = Forecaster.forecast(step.scenario(base, 0), capacity);
    Forecast full = Forecaster.forecast(step.scenario(base, 1), capacity);
    double best = Double.POSITIVE_INFINITY;
    for (Forecast.Resource r : Forecast.Resource.values()) {
      if (r == Forecast.Resource.REVIEW) {
        continue;
      }
      double u0 = utilisation(none, r);
      double u1 = utilisation(full, r);
      if (Double.isFinite(u0) && Double.isFinite(u1) && u1 > u0 && u0 < 1) {
        best = Math.min(best, (1 - u0) / (u1 - u0));
      }
    }
    return Double.isFinite(best) && best > 0 ? best : fallback;
  }

  /** The highest utilisation of a limited resource over the forecast's phases; NaN when it is not limited. */
  private static double utilisation(Forecast f, Forecast.Resource r) {
    double u = Double.NaN;
    for (Forecast.PhaseLoad p : f.phases()) {
      var load = p.resource(r);
      if (load.isPresent() && load.get().limited()) {
        u = Double.isNaN(u) ? load.get().utilisation() : Math.max(u, load.get().utilisation());
      }
    }
    return u;
  }
}
