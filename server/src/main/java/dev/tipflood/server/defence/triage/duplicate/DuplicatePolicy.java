package dev.tipflood.server.defence.triage.duplicate;

import java.util.Locale;

/** What a profile does with media byte-identical to media already stored. */
public enum DuplicatePolicy {
  /** Refuse the part: {@code 409 media_duplicate}, naming the earlier tip. */
  REJECT,
  /** Keep the tip, and lower its review priority by the defence's penalty. */
  DOWN_RANK,
  /**
   * Keep the tip, lower its priority like {@link #DOWN_RANK}, and store no second copy: the tip
   * refers to the earlier stored copy (its own is deleted once the link is durable).
   */
  LINK;

  public static DuplicatePolicy parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "reject" -> REJECT;
      case "down-rank" -> DOWN_RANK;
      case "link" -> LINK;
      default -> throw new IllegalArgumentException("'" + text + "' is not allowed: use reject, down-rank or link");
    };
  }
}
