package dev.tipflood.server.defence.http;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.tip.TipRecord;

/**
 * Ranks a stored tip for the review queue outside any request: a deferred tip whose media never
 * came (the brownout's {@code textAloneAfter} window closed), or a tip a restart interrupted. The
 * defences at {@link Point#DURABLE} are asked as for any durable tip, with what the store holds
 * (its text, and its media if any): {@code triage-score} gives its metadata points less its
 * device's junk reputation. A tip's address is not kept with it, so no address penalty applies.
 * A deferred tip's media arriving and its window closing exclude each other (the store decides),
 * so it is ranked once either way and its decisions are counted once.
 *
 * <pre>{@code
 * StoredTipRanking ranking = new StoredTipRanking(defences, System::nanoTime, 30);
 * StoredTipRanking.Ranked r = ranking.rank(tip);   // r.priority() to the review queue, r.log() to measure
 * }</pre>
 */
public final class StoredTipRanking {
  /** The client address a stored tip is ranked with: unknown. */
  public static final String NO_ADDRESS = "";

  /** A stored tip's review priority, and the decisions that made it. */
  public record Ranked(int priority, DecisionLog log) {}

  private final DefenceSet set;
  private final NanoClock clock;
  private final int lowScoreBelow;

  /**
   * @param set the profile's defences, as enabled now
   * @param lowScoreBelow the review queue's low-score threshold, {@link Integer#MIN_VALUE} for none
   */
  public StoredTipRanking(DefenceSet set, NanoClock clock, int lowScoreBelow) {
    this.set = set;
    this.clock = clock;
    this.lowScoreBelow = lowScoreBelow;
  }

  /** Ranks the tip; priority 0 and an empty log when no defence acts after durability. */
  public Ranked rank(TipRecord tip) {
    DecisionLog log = new DecisionLog();
    DefenceSet.Slot[] slots = set.at(Point.DURABLE);
    if (slots.length == 0) {
      return new Ranked(0, log);
    }
    Attempt attempt = new Attempt(NO_ADDRESS, 0, clock.nanoTime());
    return new Ranked(DurableRanking.rank(slots, attempt, tip, log, lowScoreBelow), log);
  }
}
