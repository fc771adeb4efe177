package dev.tipflood.server.measure.timeline;

import dev.tipflood.server.measure.review.ClassCounters;
import dev.tipflood.server.measure.review.ReviewScoring;
import dev.tipflood.server.model.queue.StageStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Per truth class, tips reviewed (total and in the interval), wrong verdicts and time-to-review
 * percentiles since start, under {@code reviewed.<class>}; reviewer utilisation and seconds spent
 * on junk under {@code reviewers}.
 */
public final class ReviewContributor implements TimelineContributor {

  private final ReviewScoring scoring;
  private final Supplier<StageStats> reviewStage;
  private final UtilisationMeter utilisation = new UtilisationMeter();

  public ReviewContributor(ReviewScoring scoring, Supplier<StageStats> reviewStage) {
    this.scoring = scoring;
    this.reviewStage = reviewStage;
  }

  @Override
  public void contribute(Map<String, Object> sample, long intervalNanos) {
    Map<String, Histogram> intervals = scoring.rollInterval();
    Map<String, Object> reviewed = new LinkedHashMap<>();
    for (String c : ClassCounters.CLASSES) {
      Histogram total = scoring.totalTimeToReview(c);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("total", scoring.reviewed(c));
      m.put("interval", intervals.get(c).getTotalCount());
      m.put("wrong", scoring.wrong(c));
      m.put("expired", scoring.expiredOf(c));
      Map<String, Object> ttr = new LinkedHashMap<>();
      boolean any = total.getTotalCount() > 0;
      ttr.put("p50", any ? total.getValueAtPercentile(50) : null);
      ttr.put("p95", any ? total.getValueAtPercentile(95) : null);
      ttr.put("p99", any ? total.getValueAtPercentile(99) : null);
      ttr.put("max", any ? total.getMaxValue() : null);
      m.put("ttrMs", ttr);
      reviewed.put(c, m);
    }
    sample.put("reviewed", reviewed);

    Map<String, Object> r = new LinkedHashMap<>();
    StageStats stage = reviewStage.get();
    r.put("count", stage.servers());
    r.put("busy", stage.inService());
    r.put("utilisation", utilisation.next(stage));
    r.put("seconds", scoring.reviewerSeconds());
    r.put("junkSeconds", scoring.junkReviewerSeconds());
    sample.put("reviewers", r);
  }
}
