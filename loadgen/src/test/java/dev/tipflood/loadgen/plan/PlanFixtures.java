package dev.tipflood.loadgen.plan;

import java.util.ArrayList;
import java.util.List;

/** Builders for hand-made plans in tests. */
public final class PlanFixtures {
  private PlanFixtures() {
  }

  /** Arrival offsets (ms) consistent with {@code perSecond}: each second's arrivals evenly spread in it. */
  public static List<Long> spread(List<Integer> perSecond) {
    List<Long> out = new ArrayList<>();
    for (int s = 0; s < perSecond.size(); s++) {
      int n = perSecond.get(s);
      for (int i = 0; i < n; i++) {
        out.add(s * 1000L + i * 1000L / n);
      }
    }
    return out;
  }
}
