package dev.tipflood.server.model.review;

import dev.tipflood.server.model.queue.QueueSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * The human review stage of a profile.
 *
 * @param reviewers simulated reviewers working in parallel
 * @param perPhoto time to look at one photo, GIF or other still item (also the time to read a
 *     tip without media)
 * @param perVideoMinute time per minute of video
 * @param errorRate probability that a verdict is the opposite of the truth, in [0, 0.5]
 * @param queue the review queue
 * @param seed seeds the reviewers' mistakes, so a run is repeatable
 * @param lowScore which waiting tips give up after a deadline; {@link LowScore#NEVER} for none
 */
public record ReviewSpec(
    int reviewers,
    Duration perPhoto,
    Duration perVideoMinute,
    double errorRate,
    QueueSpec queue,
    long seed,
    LowScore lowScore) {

  /**
   * Tips whose priority is below {@code below} leave the review queue unreviewed once they have
   * waited {@code maxWait}, and never hold up processing when the review queue is full: they
   * expire at once, or are displaced by a tip at or above {@code below} (status {@code expired}).
   * The others wait as long as it takes.
   */
  public record LowScore(int below, Duration maxWait) {
    public static final LowScore NEVER = new LowScore(Integer.MIN_VALUE, Duration.ZERO);

    public LowScore {
      Objects.requireNonNull(maxWait, "review.lowScore.maxWait");
      if (below != Integer.MIN_VALUE && (maxWait.isNegative() || maxWait.isZero())) {
        throw new IllegalArgumentException("review.lowScore.maxWait must be a positive duration, was " + maxWait);
      }
    }

    public boolean applies() {
      return below != Integer.MIN_VALUE;
    }
  }

  public ReviewSpec(int reviewers, Duration perPhoto, Duration perVideoMinute, double errorRate, QueueSpec queue,
      long seed) {
    this(reviewers, perPhoto, perVideoMinute, errorRate, queue, seed, LowScore.NEVER);
  }

  public ReviewSpec {
    if (reviewers < 1) {
      throw new IllegalArgumentException("review.reviewers must be >= 1, was " + reviewers);
    }
    requirePositive("review.perPhoto", perPhoto);
    requirePositive("review.perVideoMinute", perVideoMinute);
    if (!(errorRate >= 0 && errorRate <= 0.5)) {
      throw new IllegalArgumentException("review.errorRate must be in [0, 0.5], was " + errorRate);
    }
    Objects.requireNonNull(queue, "review.queue");
    Objects.requireNonNull(lowScore, "review.lowScore");
  }

  static void requirePositive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + d);
    }
  }
}
