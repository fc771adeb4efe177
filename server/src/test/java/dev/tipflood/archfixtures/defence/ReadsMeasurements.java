package dev.tipflood.archfixtures.defence;

import dev.tipflood.server.measure.review.ReviewScoring;

/** VIOLATION fixture: a "defence" that tunes itself on the measurement plane's scoring. */
public final class ReadsMeasurements {
  public boolean floodDetected(ReviewScoring scoring) {
    return scoring.reviewed("junk") > scoring.reviewed("legit");
  }
}
