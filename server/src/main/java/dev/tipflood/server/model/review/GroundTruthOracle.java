package dev.tipflood.server.model.review;

import java.util.Optional;

/**
 * What a tip really is: the one legitimate path from the load generator's ground truth to the
 * defence side. A human reviewer does recognise a fancam, so the simulated reviewer asks this
 * oracle and then errs at the profile's error rate. Implemented by the measurement plane, which
 * alone reads the truth headers; nothing else may call it.
 */
@FunctionalInterface
public interface GroundTruthOracle {

  /** @return the tip's true label, or empty if the request carried none */
  Optional<Label> trueLabel(String tipId);

  /** An oracle that knows nothing: every tip looks legit to the reviewer. */
  static GroundTruthOracle unknowing() {
    return id -> Optional.empty();
  }
}
