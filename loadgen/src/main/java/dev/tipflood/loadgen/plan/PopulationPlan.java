package dev.tipflood.loadgen.plan;

import java.util.List;
import java.util.Objects;

/**
 * One population of clients.
 *
 * @param name              population name, sent as {@code X-Tipflood-Population}
 * @param truth             {@code legit} or {@code junk}, sent as {@code X-Tipflood-Truth}
 * @param arrivalsPerSecond tips started in each second of the run (the open-model schedule)
 * @param identity          device ids and source addresses
 * @param realism           how plausible the metadata is
 * @param client            timeouts and retries
 * @param tips              media sets to cycle through, one per tip (an empty set is a text-only
 *                          tip); at least one
 */
public record PopulationPlan(String name, String truth, List<Integer> arrivalsPerSecond,
                             IdentityPlan identity, MetadataRealism realism, ClientBehaviour client,
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
    if (tips == null || tips.isEmpty()) {
      throw new IllegalArgumentException("populations[" + name + "].tips must not be empty");
    }
    tips = tips.stream().map(List::copyOf).toList();
  }

  public long plannedTips() {
    return arrivalsPerSecond.stream().mapToLong(Integer::longValue).sum();
  }

  /** The largest number of media parts any tip of this population carries. */
  public int maxMediaPerTip() {
    return tips.stream().mapToInt(List::size).max().orElse(0);
  }
}
