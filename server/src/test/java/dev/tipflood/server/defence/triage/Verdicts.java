package dev.tipflood.server.defence.triage;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import java.time.Instant;
import java.util.List;

/** Reviewers' verdicts and durable tips for triage unit tests. */
public final class Verdicts {
  public static final Instant NOW = Instant.parse("2020-05-31T20:00:00Z");

  private Verdicts() {}

  public static Verdict junk(String tipId, String... sha256) {
    return new Verdict(tipId, Label.JUNK, List.of(sha256), 0, 1, 1);
  }

  public static Verdict legit(String tipId, String... sha256) {
    return new Verdict(tipId, Label.LEGIT, List.of(sha256), 0, 1, 1);
  }

  /** A durable tip in downtown Dallas, described, that happened ten minutes ago. */
  public static TipFacts goodTip(String tipId, String device, String... sha256) {
    return new TipFacts(tipId, "Car on fire near the parking garage, police not on scene yet", 32.78, -96.80,
        NOW.minusSeconds(600), NOW, device, List.of(sha256), List.of(sha256));
  }

  /** A durable tip from Seoul, with a hashtag for a description, about something 400 days ago. */
  public static TipFacts floodTip(String tipId, String device, String... sha256) {
    return new TipFacts(tipId, "#fancam", 37.5, 127.0, NOW.minusSeconds(400L * 86_400), NOW, device,
        List.of(sha256), List.of(sha256));
  }

  /** A good tip whose one medium is stored as {@code storedAs}. */
  public static TipFacts goodTipStored(String tipId, String device, String sha256, String storedAs) {
    TipFacts t = goodTip(tipId, device, sha256);
    return new TipFacts(tipId, t.description(), t.lat(), t.lon(), t.occurredAt(), t.receivedAt(), device,
        List.of(sha256), List.of(storedAs));
  }

  public static Attempt durable(String address, TipFacts tip) {
    Attempt a = new Attempt(address, 1000, 0);
    a.tip(tip);
    return a;
  }
}
