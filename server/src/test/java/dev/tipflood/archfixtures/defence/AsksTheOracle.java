package dev.tipflood.archfixtures.defence;

import dev.tipflood.server.model.review.GroundTruthOracle;
import dev.tipflood.server.model.review.Label;

/** VIOLATION fixture: a "triage" that asks the reviewers' oracle for the truth instead of waiting for a verdict. */
public final class AsksTheOracle {
  private final GroundTruthOracle oracle;

  public AsksTheOracle(GroundTruthOracle oracle) {
    this.oracle = oracle;
  }

  public boolean isJunk(String tipId) {
    return oracle.trueLabel(tipId).orElse(Label.LEGIT) == Label.JUNK;
  }
}
