package dev.tipflood.server.measure.truth;

import dev.tipflood.server.model.review.Label;
import java.util.Locale;
import java.util.Optional;

/** The load generator's ground truth about one request: is it a real tip or flood? */
public enum Truth {
  LEGIT,
  JUNK;

  /** The header's spelling: {@code legit} or {@code junk}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the header's spelling exactly (lower case); anything else is empty. */
  public static Optional<Truth> fromWire(String value) {
    for (Truth t : values()) {
      if (t.wire().equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** What a perfect reviewer would decide. */
  public Label asLabel() {
    return this == LEGIT ? Label.LEGIT : Label.JUNK;
  }

  /** The class name used in the timeline and metrics for a request with or without truth. */
  public static String classOf(Optional<Truth> truth) {
    return truth.map(Truth::wire).orElse(UNLABELLED);
  }

  /** The class of requests that carried no truth header. */
  public static final String UNLABELLED = "unlabelled";
}
