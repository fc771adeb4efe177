package dev.tipflood.loadgen.forecast;

import dev.tipflood.loadgen.forecast.Forecast.PhaseLoad;
import dev.tipflood.loadgen.forecast.Forecast.PopulationLoad;
import dev.tipflood.loadgen.forecast.Forecast.Resource;
import dev.tipflood.loadgen.forecast.Forecast.ResourceLoad;
import java.util.Locale;

/**
 * The forecast as a table for people: per phase, each population's offer and each resource's
 * utilisation, with the bottleneck named and anything at or over capacity flagged.
 *
 * <pre>
 * phase 2m-3m30s (90 s)              tips/s    MB/s  workers  reviewers
 *   citizens (legit)                   0.10   0.010     0.01       0.53
 *   fans (junk)                      150.00  11.790    74.20    8131.00
 *   capacity                                  0.419     4          6
 *   utilisation                               28.14    18.55    1355.17   heap inf  OVER: review
 * </pre>
 */
public final class ForecastText {
  /** Utilisation at or above which a resource is flagged: queues grow without bound there. */
  public static final double OVER = 1.0;
  /** Utilisation above which a resource is flagged as hot: waits grow steeply past it. */
  public static final double HOT = 0.7;

  private ForecastText() {
  }

  public static String render(Forecast f) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Offered-load forecast: %s on %s (scale %s); first attempts, no retries%n",
        f.scenario(), f.capacity().profile(), trim(f.scale())));
    if (!f.capacity().hasPipeline()) {
      b.append("  (the profile models no processing or review)\n");
    }
    for (PhaseLoad p : f.phases()) {
      phase(b, "phase " + p.label(), p, f.capacity());
    }
    if (f.phases().size() > 1) {
      phase(b, f.whole().label(), f.whole(), f.capacity());
    }
    return b.toString();
  }

  private static void phase(StringBuilder b, String title, PhaseLoad p, ProfileCapacity c) {
    b.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s %10s%n",
        title + " (" + Math.round(p.toSeconds() - p.fromSeconds()) + " s)", "tips/s", "MB/s", "workers", "reviewers"));
    for (PopulationLoad pop : p.populations()) {
      b.append(String.format(Locale.ROOT, "  %-32s %9.2f %9.3f %9.2f %10.2f%n", pop.population() + " (" + pop.truth() + ")",
          pop.tipsPerSecond(), pop.bytesPerSecond() / 1e6, pop.workerSeconds(), pop.reviewerSeconds()));
    }
    b.append(String.format(Locale.ROOT, "  %-32s %9s %9s %9s %10s%n", "capacity", "",
        c.storageBytesPerSecond() > 0 ? String.format(Locale.ROOT, "%.3f", c.storageBytesPerSecond() / 1e6) : "unlimited",
        c.hasPipeline() ? Integer.toString(c.workers()) : "-", c.hasPipeline() ? Integer.toString(c.reviewers()) : "-"));
    b.append(String.format(Locale.ROOT, "  %-32s %9s %9s %9s %10s", "utilisation", "", util(p, Resource.STORAGE),
        util(p, Resource.PROCESSING), util(p, Resource.REVIEW)));
    p.resource(Resource.HEAP).ifPresent(h -> b.append("   heap ").append(format(h.utilisation())));
    b.append(verdict(p)).append('\n');
  }

  /** The flag after a phase's utilisation line. */
  static String verdict(PhaseLoad p) {
    StringBuilder over = new StringBuilder();
    StringBuilder hot = new StringBuilder();
    for (ResourceLoad r : p.resources()) {
      if (!r.limited()) {
        continue;
      }
      if (r.utilisation() >= OVER) {
        over.append(over.isEmpty() ? "" : ", ").append(r.resource().id());
      } else if (r.utilisation() > HOT) {
        hot.append(hot.isEmpty() ? "" : ", ").append(r.resource().id());
      }
    }
    if (!over.isEmpty()) {
      return "   OVER capacity: " + over + " (its queue grows for the whole phase)";
    }
    if (!hot.isEmpty()) {
      return "   hot: " + hot + " (above " + HOT + ")";
    }
    return p.bottleneck().map(r -> "   ok (busiest: " + r.resource().id() + ")").orElse("   ok");
  }

  private static String util(PhaseLoad p, Resource r) {
    return p.resource(r).filter(ResourceLoad::limited).map(x -> format(x.utilisation())).orElse("-");
  }

  private static String format(double u) {
    return Double.isInfinite(u) ? "unbounded" : String.format(Locale.ROOT, "%.2f", u);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
