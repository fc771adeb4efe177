package dev.tipflood.server.defence.http;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.control.DefenceSet;
import dev.tipflood.server.tip.TipRecord;

/**
 * Ranks a deferred tip whose media never came (the brownout's {@code textAloneAfter} window
 * closed) for the review queue, outside any request. The defences at {@link Point#DURABLE} are
 * asked as for any durable tip, with its stored text and no media: {@code triage-score} gives its
 * metadata points less its device's junk reputation. Its address is not kept with a tip, so no
 * address penalty applies. A tip's media arriving and its window closing exclude each other (the
 * store decides), so a tip is ranked once either way and its decisions are counted once.
 *
 * <pre>{@code
 * TextAloneRanking ranking = new TextAloneRanking(() -> defences, System::nanoTime, 30);
 * TextAloneRanking.Ranked r = ranking.rank(tip);   // r.priority() to the review queue, r.log() to measure
 * }</pre>
 */
public final class TextAloneRanking {
  /** The client address a text-alone tip is ranked with: unknown. */
  public static final String NO_ADDRESS = "";

  /** A text-alone tip's review priority, and the decisions that made it. */
  public record Ranked(int priority, DecisionLog log) {}

  private final DefenceSet set;
  private final NanoClock clock;
  private final int lowScoreBelow;

  /**
   * @param set the profile's defences, as enabled now
   * @param lowScoreBelow the review queue's low-score threshold, {@link Integer#MIN_VALUE} for none
   */
  public TextAloneRanking(DefenceSet set, NanoClock clock, int lowScoreBelow) {
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
