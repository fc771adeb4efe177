package dev.tipflood.server.tip;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A reviewer's verdict on a tip.
 *
 * @param verdict what the reviewer decided
 * @param reviewer who reviewed (a simulated reviewer's name)
 * @param reviewedAt when
 */
public record Review(Verdict verdict, String reviewer, Instant reviewedAt) {
  public Review {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
  }

  /** A reviewer's decision. */
  public enum Verdict {
    LEGIT, JUNK;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict fromWire(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }
}
