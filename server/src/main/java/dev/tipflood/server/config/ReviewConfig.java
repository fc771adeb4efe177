package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.time.Duration;

/**
 * Simulated human reviewers.
 *
 * @param reviewers reviewers working in parallel
 * @param perPhoto time to judge one photo, GIF or other still (and a tip without media)
 * @param perVideoMinute time per minute of video
 * @param videoBytesPerMinute how a video's length is estimated from its size (scaled by
 *     {@code --scale}, like the media); default 15MB per minute (about 2 Mbit/s)
 * @param errorRate share of verdicts that are wrong, 0 to 0.5
 * @param seed seeds the reviewers' mistakes
 * @param queue the review queue
 * @param lowScore tips ranked below {@code below} leave the queue unreviewed after {@code maxWait}
 *     (absent: every tip waits as long as it takes)
 */
public record ReviewConfig(CountCap reviewers, Duration perPhoto, Duration perVideoMinute,
    ByteSize videoBytesPerMinute, Double errorRate, Long seed, QueueConfig queue, LowScoreConfig lowScore) {

  public ReviewConfig {
    require(reviewers != null, "reviewers", "is required: " + CountCap.ALLOWED);
    require(!reviewers.isUnlimited(), "reviewers", "must be a finite number of reviewers");
    require(perPhoto != null && perPhoto.toMillis() > 0, "perPhoto", "is required: a positive " + Durations.EXPECTED);
    require(perVideoMinute != null && perVideoMinute.toMillis() > 0, "perVideoMinute",
        "is required: a positive " + Durations.EXPECTED);
    videoBytesPerMinute = videoBytesPerMinute == null ? ByteSize.ofMebibytes(15) : videoBytesPerMinute;
    require(!videoBytesPerMinute.isUnlimited() && videoBytesPerMinute.bytes() >= 1, "videoBytesPerMinute",
        "must be a finite size of at least 1 byte");
    errorRate = errorRate == null ? 0.0 : errorRate;
    require(errorRate >= 0 && errorRate <= 0.5, "errorRate", "must be between 0 and 0.5, got " + errorRate);
    seed = seed == null ? 1L : seed;
    queue = queue == null ? QueueConfig.defaults() : queue;
  }

  public ReviewConfig scaled(double factor) {
    return new ReviewConfig(reviewers, perPhoto, perVideoMinute, videoBytesPerMinute.scaled(factor), errorRate,
        seed, queue, lowScore);
  }

  public ReviewSpec toSpec() {
    return new ReviewSpec(reviewers.value(), perPhoto, perVideoMinute, errorRate, queue.toSpec(), seed,
        lowScore == null ? ReviewSpec.LowScore.NEVER : lowScore.toSpec());
  }
}
