package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * {@code review.lowScore}: which tips a priority review queue lets go unreviewed.
 *
 * @param below tips with a review priority below this (the triage score) may expire
 * @param maxWait how long such a tip waits in the review queue before it expires
 */
public record LowScoreConfig(Integer below, Duration maxWait) {
  public LowScoreConfig {
    require(below != null, "below", "is required: a whole number, the review priority under which tips may expire");
    require(maxWait != null && maxWait.toMillis() > 0, "maxWait", "is required: a positive " + Durations.EXPECTED);
  }

  ReviewSpec.LowScore toSpec() {
    return new ReviewSpec.LowScore(below, maxWait);
  }
}
