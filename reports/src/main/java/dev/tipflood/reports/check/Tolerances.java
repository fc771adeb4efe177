package dev.tipflood.reports.check;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The tolerance of every metric: its default, or an override from {@code --tolerance metric=value}. */
public final class Tolerances {
  private final Map<Metric, Tolerance> byMetric;

  private Tolerances(Map<Metric, Tolerance> byMetric) {
    this.byMetric = byMetric;
  }

  public static Tolerances defaults() {
    Map<Metric, Tolerance> m = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      m.put(metric, metric.defaultTolerance());
    }
    return new Tolerances(m);
  }

  /** Defaults with overrides written {@code metric=tolerance}, e.g. {@code legit.p99=50%+100}. */
  public static Tolerances parse(Collection<String> overrides) {
    Tolerances t = defaults();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--tolerance '" + o + "': expected metric=tolerance, e.g. legit.p99=50%+100");
      }
      t.byMetric.put(Metric.byId(o.substring(0, eq).strip()), Tolerance.parse(o.substring(eq + 1)));
    }
    return t;
  }

  public Tolerance of(Metric m) {
    return byMetric.get(m);
  }
}
