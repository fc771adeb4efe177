package dev.tipflood.server.defence.triage.score;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a durable tip for the review queue: points for each metadata signal it shows (in the
 * jurisdiction, a real description, a plausible time), minus its device's and its address's
 * decayed junk-verdict counts times their penalties (capped). The sum is the tip's
 * {@link Decision.Prioritise} contribution; other defences (duplicates) add theirs. It also tells
 * the {@link ReviewerMemory} who sent the tip, so that a junk verdict on it counts against them.
 *
 * <pre>{@code
 * Defence score = new TriageScore(TriageScore.Settings.defaults(), memory);
 * Decision d = score.decide(Point.DURABLE, attempt);   // e.g. Prioritise(90) for a good tip
 * }</pre>
 */
public final class TriageScore implements Defence {

  /**
   * @param jurisdiction where tips are expected from
   * @param inJurisdiction points for a location inside it
   * @param description points for a real description
   * @param plausibleTime points for a plausible time
   * @param minWords words a real description has at least
   * @param maxAge how long ago an incident may be said to have happened
   * @param futureSkew how far in the future {@code occurredAt} may be (clock skew)
   * @param devicePenalty points off per (decayed) junk verdict on the tip's device
   * @param addressPenalty points off per (decayed) junk verdict on the tip's address
   * @param maxPenalty the most points reputation takes off
   */
  public record Settings(Jurisdiction jurisdiction, int inJurisdiction, int description, int plausibleTime,
      int minWords, Duration maxAge, Duration futureSkew, int devicePenalty, int addressPenalty, int maxPenalty) {}

  private final Settings settings;
  private final MetadataSignals signals;
  private final ReviewerMemory memory;

  public TriageScore(Settings settings, ReviewerMemory memory) {
    this.settings = settings;
    this.signals = new MetadataSignals(settings.jurisdiction(), settings.minWords(), settings.maxAge(),
        settings.futureSkew());
    this.memory = memory;
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.DURABLE);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    TipFacts tip = attempt.tip();
    if (point != Point.DURABLE || tip == null) {
      return Decision.admit();
    }
    int score = metadataPoints(tip) - reputationPenalty(tip.deviceId(), attempt.address());
    memory.sawTip(tip.tipId(), tip.deviceId(), attempt.address());
    return Decision.prioritise(score);
  }

  int metadataPoints(TipFacts tip) {
    return (signals.inJurisdiction(tip) ? settings.inJurisdiction() : 0)
        + (signals.describes(tip) ? settings.description() : 0)
        + (signals.plausibleTime(tip) ? settings.plausibleTime() : 0);
  }

  int reputationPenalty(String device, String address) {
    double penalty = memory.deviceJunk(device) * settings.devicePenalty()
        + memory.addressJunk(address) * settings.addressPenalty();
    return (int) Math.min(settings.maxPenalty(), Math.round(penalty));
  }

  @Override
  public Map<String, Object> state() {
    return memory.state();
  }
}
