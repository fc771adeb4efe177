package dev.tipflood.server.defence.http;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;

/**
 * The defences at {@link Point#DURABLE} asked about a durable tip: each adds its priority, the
 * sum goes to the review queue, and every decision is logged for the measurement plane. A
 * defence here cannot refuse (the tip is already stored): a rejection is logged and otherwise
 * ignored. Used for a tip stored by a request, and for a deferred tip that goes to review on its
 * text alone or is resumed after a restart ({@link StoredTipRanking}).
 */
final class DurableRanking {
  /**
   * Where the review queue lets tips go unreviewed (the profile's {@code review.lowScore.below});
   * the tip's summed priority is logged as {@code review-priority: priority.low} below it, else
   * {@code priority.high}, so the measurement plane can count legit tips ranked as junk.
   */
  static final String REVIEW_PRIORITY = "review-priority";

  private DurableRanking() {}

  /**
   * @param lowScoreBelow the review queue's low-score threshold; {@link Integer#MIN_VALUE}: none,
   *     and no {@code review-priority} entry is logged
   * @return the tip's review priority
   */
  static int rank(DefenceSet.Slot[] slots, Attempt attempt, TipRecord tip, DecisionLog log, int lowScoreBelow) {
    TipMetadata m = tip.metadata();
    attempt.tip(new TipFacts(tip.id().value(), m.description(), m.lat(), m.lon(), m.occurredAt(), tip.receivedAt(),
        m.deviceId(), tip.media().stream().map(MediaItem::sha256).toList(),
        tip.media().stream().map(MediaItem::storedAs).toList()));
    int priority = 0;
    for (DefenceSet.Slot slot : slots) {
      Decision d = slot.defence().decide(Point.DURABLE, attempt);
      logged(log, slot.name(), Point.DURABLE, d);
      if (d instanceof Decision.Prioritise p) {
        priority += p.priority();
      }
    }
    if (lowScoreBelow != Integer.MIN_VALUE) {
      log.add(REVIEW_PRIORITY, Point.DURABLE, "priority", priority < lowScoreBelow ? "low" : "high");
    }
    return priority;
  }

  /** Logs a decision; a hold once per defence and point, however often it is asked again. */
  static void logged(DecisionLog log, String defence, Point point, Decision d) {
    if (d instanceof Decision.Hold) {
      log.addOnce(defence, point, d);
    } else {
      log.add(defence, point, d);
    }
  }
}
