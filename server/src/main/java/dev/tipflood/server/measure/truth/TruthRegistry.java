package dev.tipflood.server.measure.truth;

import dev.tipflood.server.model.review.GroundTruthOracle;
import dev.tipflood.server.model.review.Label;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which tip came from which labelled request. Filled when a tip is acknowledged; asked by the
 * reviewers (as their {@link GroundTruthOracle}) and by the scoring. Thread-safe. Kept in memory
 * only: after a restart, tips from before it count as unlabelled.
 */
public final class TruthRegistry implements GroundTruthOracle {

  private final ConcurrentMap<String, TruthLabel> byTip = new ConcurrentHashMap<>();

  public void remember(String tipId, TruthLabel label) {
    byTip.put(tipId, label);
  }

  public Optional<TruthLabel> lookup(String tipId) {
    return Optional.ofNullable(byTip.get(tipId));
  }

  /** The class name of a tip: {@code legit}, {@code junk} or {@code unlabelled}. */
  public String classOf(String tipId) {
    return Truth.classOf(lookup(tipId).map(TruthLabel::truth));
  }

  @Override
  public Optional<Label> trueLabel(String tipId) {
    return lookup(tipId).map(l -> l.truth().asLabel());
  }

  public int size() {
    return byTip.size();
  }
}
