package dev.tipflood.server.defence.triage.score;

import dev.tipflood.server.defence.TipFacts;
import java.time.Duration;

/**
 * The three metadata signals, each a plain yes or no that a reviewer could check by eye:
 * the location lies in the jurisdiction; the description says something (at least
 * {@code minWords} words of two or more letters, not counting #hashtags and @mentions); the time
 * is plausible (not later than the service's receipt plus {@code futureSkew}, not earlier than
 * {@code maxAge} before it).
 */
record MetadataSignals(Jurisdiction jurisdiction, int minWords, Duration maxAge, Duration futureSkew) {

  boolean inJurisdiction(TipFacts tip) {
    return jurisdiction.contains(tip.lat(), tip.lon());
  }

  boolean describes(TipFacts tip) {
    int words = 0;
    for (String w : tip.description().trim().split("\\s+")) {
      if (w.startsWith("#") || w.startsWith("@")) {
        continue;
      }
      int letters = 0;
      for (int i = 0; i < w.length(); i++) {
        if (Character.isLetter(w.charAt(i))) {
          letters++;
        }
      }
      if (letters >= 2) {
        words++;
      }
    }
    return words >= minWords;
  }

  boolean plausibleTime(TipFacts tip) {
    return !tip.occurredAt().isAfter(tip.receivedAt().plus(futureSkew))
        && !tip.occurredAt().isBefore(tip.receivedAt().minus(maxAge));
  }
}
