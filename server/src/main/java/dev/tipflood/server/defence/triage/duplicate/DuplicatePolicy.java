package dev.tipflood.server.defence.triage.duplicate;

import java.util.Locale;

/** What a profile does with media byte-identical to media already stored. */
public enum DuplicatePolicy {
  /** Refuse the part: {@code 409 media_duplicate}, naming the earlier tip. */
  REJECT,
  /** Keep the tip, and lower its review priority by the defence's penalty. */
  DOWN_RANK;

  public static DuplicatePolicy parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "reject" -> REJECT;
      case "down-rank" -> DOWN_RANK;
      default -> throw new IllegalArgumentException("'" + text + "' is not allowed: use reject or down-rank");
    };
  }
}
