package dev.tipflood.server.defence.triage.duplicate;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Exact duplicates by the SHA-256 computed while the part streamed, once it is complete and
 * before it becomes part of a tip: media a reviewer judged junk is refused
 * ({@code 422 media_known_junk}); media already stored is, per profile, refused
 * ({@code 409 media_duplicate}), kept and down-ranked by {@code penalty} after durability, or
 * linked: down-ranked too, and the tip refers to the earlier stored copy instead of keeping its own.
 *
 * <pre>{@code
 * Defence dups = new ExactDuplicates(new ExactDuplicates.Settings(DuplicatePolicy.DOWN_RANK, 30),
 *     memory, new StoredDigests(1_000_000));
 * }</pre>
 */
public final class ExactDuplicates implements Defence {
  static final String NOTE = "duplicate.of";

  /**
   * @param policy what to do with a duplicate of stored media
   * @param penalty how much a duplicate lowers the review priority (down-rank)
   */
  public record Settings(DuplicatePolicy policy, int penalty) {}

  private final Settings settings;
  private final ReviewerMemory memory;
  private final StoredDigests stored;

  public ExactDuplicates(Settings settings, ReviewerMemory memory, StoredDigests stored) {
    this.settings = settings;
    this.memory = memory;
    this.stored = stored;
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.MEDIA_END, Point.DURABLE);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    return point == Point.MEDIA_END ? partEnded(attempt.part()) : point == Point.DURABLE ? durable(attempt)
        : Decision.admit();
  }

  private Decision partEnded(MediaPart part) {
    if (part == null || part.sha256() == null) {
      return Decision.admit();
    }
    if (memory.isJunkSha256(part.sha256())) {
      return Decision.reject(Reason.MEDIA_KNOWN_JUNK, 0, "media part '" + part.filename()
          + "' is byte-identical to media a reviewer judged junk");
    }
    StoredDigests.Copy first = stored.firstCopyOf(part.sha256());
    if (first == null) {
      return Decision.admit();
    }
    if (settings.policy() == DuplicatePolicy.REJECT) {
      // Never the earlier tip's id: an id is the key to its tip (docs/server.md, "What a tip's GET reveals").
      return Decision.reject(Reason.MEDIA_DUPLICATE, 0, "media part '" + part.filename()
          + "' is byte-identical to media an earlier tip already stored");
    }
    if (settings.policy() == DuplicatePolicy.LINK) {
      part.linkTo(first.tipId(), first.storedAs());
    }
    part.note(NOTE, first.tipId());
    return Decision.admit();
  }

  private Decision durable(Attempt attempt) {
    TipFacts tip = attempt.tip();
    boolean duplicate = attempt.parts().stream().anyMatch(p -> p.noted(NOTE) != null);
    if (tip != null) {
      for (int i = 0; i < tip.mediaSha256().size(); i++) {
        stored.stored(tip.mediaSha256().get(i), tip.tipId(), tip.mediaStoredAs().get(i));
      }
    }
    return duplicate ? Decision.prioritise(-settings.penalty()) : Decision.admit();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("storedDigests", stored.size(), "policy", settings.policy().name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', '-'));
  }
}
