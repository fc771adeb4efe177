package dev.tipflood.loadgen.plan;

import java.util.List;
import java.util.Objects;

/**
 * One population of clients.
 *
 * @param name              population name, sent as {@code X-Tipflood-Population}
 * @param truth             {@code legit} or {@code junk}, sent as {@code X-Tipflood-Truth}
 * @param arrivalsPerSecond tips started in each second of the run (the open-model schedule)
 * @param arrivalOffsetsMillis when each of those tips arrives, in milliseconds from the start of
 *                          the schedule, ascending: the scenario's arrival process itself
 *                          (exponential gaps for a Poisson one), which the per-second counts bin
 * @param identity          device ids and source addresses
 * @param realism           how plausible the metadata is
 * @param client            timeouts and retries
 * @param tips              media sets to cycle through, one per tip (an empty set is a text-only
 *                          tip); at least one
 */
public record PopulationPlan(String name, String truth, List<Integer> arrivalsPerSecond,
                             List<Long> arrivalOffsetsMillis, IdentityPlan identity, MetadataRealism realism, ClientBehaviour client,
                             List<List<MediaFile>> tips) {

  public PopulationPlan {
    Plans.requireText(name, "population.name");
    if (!"legit".equals(truth) && !"junk".equals(truth)) {
      throw new IllegalArgumentException("populations[" + name + "].truth must be legit or junk, was " + truth);
    }
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(realism, "realism");
    Objects.requireNonNull(client, "client");
    arrivalsPerSecond = List.copyOf(arrivalsPerSecond);
    for (int i = 0; i < arrivalsPerSecond.size(); i++) {
      if (arrivalsPerSecond.get(i) < 0) {
        throw new IllegalArgumentException("populations[" + name + "].arrivalsPerSecond[" + i + "] must be >= 0");
      }
    }
    arrivalOffsetsMillis = List.copyOf(Objects.requireNonNull(arrivalOffsetsMillis, "arrivalOffsetsMillis"));
    checkOffsets(name, arrivalsPerSecond, arrivalOffsetsMillis);
    if (tips == null || tips.isEmpty()) {
      throw new IllegalArgumentException("populations[" + name + "].tips must not be empty");
    }
    tips = tips.stream().map(List::copyOf).toList();
  }

  /** The offsets are ascending, and as many fall in each second as that second's count says. */
  private static void checkOffsets(String name, List<Integer> perSecond, List<Long> offsets) {
    int[] counted = new int[perSecond.size()];
    long previous = 0;
    for (int i = 0; i < offsets.size(); i++) {
      long ms = offsets.get(i);
      if (ms < previous || ms >= perSecond.size() * 1000L) {
        throw new IllegalArgumentException("populations[" + name + "].arrivalOffsetsMillis[" + i + "] = " + ms
            + " must be ascending and within 0.." + (perSecond.size() * 1000L - 1));
      }
      counted[(int) (ms / 1000)]++;
      previous = ms;
    }
    for (int s = 0; s < counted.length; s++) {
      if (counted[s] != perSecond.get(s)) {
        throw new IllegalArgumentException("populations[" + name + "]: " + counted[s] + " arrivalOffsetsMillis fall in second "
            + s + " but arrivalsPerSecond[" + s + "] is " + perSecond.get(s));
      }
    }
  }

  public long plannedTips() {
    return arrivalsPerSecond.stream().mapToLong(Integer::longValue).sum();
  }

  /** The largest number of media parts any tip of this population carries. */
  public int maxMediaPerTip() {
    return tips.stream().mapToInt(List::size).max().orElse(0);
  }
}
