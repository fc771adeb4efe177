package dev.tipflood.server.measure.review;

import dev.tipflood.server.measure.truth.Truth;
import dev.tipflood.server.measure.truth.TruthRegistry;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.review.VerdictListener;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Scores the reviewers' verdicts against the truth: per class, tips reviewed, wrong verdicts and
 * the time-to-review distribution (ms); reviewer time spent on junk. Thread-safe.
 */
public final class ReviewScoring implements VerdictListener {

  private final TruthRegistry truth;
  private final ClassCounters reviewed = new ClassCounters();
  private final ClassCounters wrong = new ClassCounters();
  private final ClassCounters expired = new ClassCounters();
  private final Map<String, Recorder> intervalTtr = new HashMap<>();
  private final Map<String, Histogram> totalTtr = new HashMap<>();
  private final AtomicLong reviewerNanos = new AtomicLong();
  private final AtomicLong junkReviewerNanos = new AtomicLong();

  public ReviewScoring(TruthRegistry truth) {
    this.truth = truth;
    for (String c : ClassCounters.CLASSES) {
      intervalTtr.put(c, new Recorder(3));
      totalTtr.put(c, new Histogram(3));
    }
  }

  @Override
  public void onVerdict(Verdict verdict) {
    String truthClass = truth.classOf(verdict.tipId());
    reviewed.add(truthClass, 1);
    if (!agrees(verdict.label(), truthClass)) {
      wrong.add(truthClass, 1);
    }
    long ttrMillis = Math.max(0, verdict.timeToReviewNanos() / 1_000_000);
    intervalTtr.get(truthClass).recordValue(ttrMillis);
    reviewerNanos.addAndGet(verdict.reviewNanos());
    if (truthClass.equals("junk")) {
      junkReviewerNanos.addAndGet(verdict.reviewNanos());
    }
  }

  /** A low-score tip left the review queue unreviewed (triage's deadline): counted by class. */
  public void expired(String tipId) {
    expired.add(truth.classOf(tipId), 1);
  }

  /** Tips of a class that expired unreviewed; a legit one is a tip triage let down. */
  public long expiredOf(String truthClass) {
    return expired.get(truthClass);
  }

  public long reviewed(String truthClass) {
    return reviewed.get(truthClass);
  }

  /** Verdicts that disagreed with the truth; a legit tip judged junk is the worst kind. */
  public long wrong(String truthClass) {
    return wrong.get(truthClass);
  }

  public double reviewerSeconds() {
    return reviewerNanos.get() / 1e9;
  }

  public double junkReviewerSeconds() {
    return junkReviewerNanos.get() / 1e9;
  }

  /**
   * Moves the time-to-review values recorded since the last call into the running totals.
   *
   * @return per class, the interval histogram (ms) just moved
   */
  public synchronized Map<String, Histogram> rollInterval() {
    Map<String, Histogram> intervals = new HashMap<>();
    for (String c : ClassCounters.CLASSES) {
      Histogram interval = intervalTtr.get(c).getIntervalHistogram();
      totalTtr.get(c).add(interval);
      intervals.put(c, interval);
    }
    return intervals;
  }

  /** The time-to-review distribution (ms) of a class since start, as of the last roll. */
  public synchronized Histogram totalTimeToReview(String truthClass) {
    return totalTtr.get(truthClass).copy();
  }

  /** Whether a verdict agrees with a truth class; unlabelled tips are never wrong. */
  static boolean agrees(Label label, String truthClass) {
    return truthClass.equals(Truth.UNLABELLED)
        || label.name().toLowerCase(Locale.ROOT).equals(truthClass);
  }
}
