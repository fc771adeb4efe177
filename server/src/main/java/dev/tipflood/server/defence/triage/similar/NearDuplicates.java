package dev.tipflood.server.defence.triage.similar;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import dev.tipflood.server.defence.Ticket;
import dev.tipflood.server.defence.TipFacts;
import dev.tipflood.server.defence.triage.ReviewerMemory;
import dev.tipflood.server.defence.triage.TriageContext;
import dev.tipflood.server.media.pdq.PdqFrameSampler;
import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImageException;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.media.pdq.PdqViews;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Near duplicates of known junk, with PDQ (the {@code pdq-blocklist} kind): once a part is
 * complete it is decoded on the triage worker (a photo; sampled frames of a GIF or an MJPEG AVI,
 * by {@link PdqFrameSampler}), each frame's views ({@link PdqViews}: whole, a centre crop, three top cuts) are looked
 * up in the junk blocklist fed by reviewers' junk verdicts and by ops; a match within 31 bits
 * refuses the part ({@code 422 media_known_junk}) or, per profile, down-ranks the tip.
 * Resemblance to other tips that nobody judged junk only groups them ({@link WitnessGroups}).
 *
 * <pre>{@code
 * Defence pdq = new NearDuplicates(new NearDuplicates.Settings(true, 40, 3, 64L << 20, 200_000, 32), context);
 * }</pre>
 */
public final class NearDuplicates implements Defence {
  static final String WHOLE = "pdq.whole";
  static final String GROUP = "pdq.group";
  static final String JUNK = "pdq.junk";

  /**
   * @param reject refuse a match (else down-rank by {@code penalty})
   * @param penalty review priority taken off a tip with a match, when not refused
   * @param frames frames sampled from a GIF or a video
   * @param maxPixels the largest picture decoded for hashing
   * @param witnessHashes recent hashes kept per generation for witness grouping
   * @param maxPending the most parts waiting to be hashed; beyond it a part is not hashed (counted
   *     {@code skipped}), so a flood cannot queue unbounded work in front of every upload's answer
   */
  public record Settings(boolean reject, int penalty, int frames, long maxPixels, int witnessHashes,
      int maxPending) {}

  private final Settings settings;
  private final TriageContext context;
  private final ReviewerMemory memory;
  private final PdqFrameSampler sampler;
  private final PdqHasher hasher = new PdqHasher();
  private final WitnessGroups witnesses;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong hashed = new AtomicLong();
  private final AtomicLong unhashable = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();

  public NearDuplicates(Settings settings, TriageContext context) {
    this.settings = settings;
    this.context = context;
    this.memory = context.memory();
    this.sampler = new PdqFrameSampler(settings.frames(), settings.maxPixels());
    this.witnesses = new WitnessGroups(settings.witnessHashes());
  }

  @Override
  public Set<Point> points() {
    return EnumSet.of(Point.MEDIA_END, Point.DURABLE);
  }

  @Override
  public Decision decide(Point point, Attempt attempt, long bytes) {
    if (point == Point.DURABLE) {
      return durable(attempt);
    }
    MediaPart part = attempt.part();
    if (point != Point.MEDIA_END || part == null || part.file() == null || !hashable(part)) {
      return Decision.admit();
    }
    if (pending.incrementAndGet() > settings.maxPending()) {
      pending.decrementAndGet();
      skipped.incrementAndGet();
      return Decision.admit();
    }
    Ticket ticket = new Ticket(0);
    context.cpu().execute(() -> {
      Decision d = judge(part);
      pending.decrementAndGet();
      ticket.settle(d);
    });
    return new Decision.Queued(ticket);
  }

  /** Pictures PDQ can read: photos, GIFs, Motion-JPEG AVIs; not MP4. */
  private static boolean hashable(MediaPart part) {
    String t = (part.sniffedType() != null ? part.sniffedType() : part.declaredType()).toLowerCase(Locale.ROOT);
    return t.startsWith("image/jpeg") || t.startsWith("image/png") || t.startsWith("image/gif")
        || t.startsWith("video/x-msvideo") || t.startsWith("video/avi");
  }

  /** On the worker: sample, look every frame up in the blocklist, then among the witnesses. Always settles. */
  private Decision judge(MediaPart part) {
    List<PdqHash> wholes = new ArrayList<>();
    try {
      for (BufferedImage frame : sampler.sample(part.file())) {
        PdqViews.Query q = PdqViews.query(hasher, frame);
        Optional<PdqIndex.Match> hit = memory.junkPdq().match(q);
        if (hit.isPresent()) {
          matched.incrementAndGet();
          part.note(JUNK, Boolean.TRUE);
          return settings.reject() ? Decision.reject(Reason.MEDIA_KNOWN_JUNK, 0, "media part '" + part.filename()
              + "' is within " + hit.get().distance() + " bits (PDQ) of media reviewers judged junk") : Decision.admit();
        }
        if (q.whole().usable()) {
          wholes.add(q.whole().hash());
        }
      }
      hashed.incrementAndGet();
    } catch (PdqImageException e) {
      // Not decodable as a picture: the type checks judge the bytes; this defence has nothing to say.
      unhashable.incrementAndGet();
      return Decision.admit();
    }
    part.note(WHOLE, wholes);
    String group = witnesses.groupOf(wholes);
    if (group != null) {
      part.note(GROUP, group);
    }
    return Decision.admit();
  }

  /** After durability: remember where each medium is stored (for a later junk verdict) and group the witnesses. */
  private Decision durable(Attempt attempt) {
    TipFacts tip = attempt.tip();
    if (tip == null) {
      return Decision.admit();
    }
    for (int i = 0; i < tip.mediaSha256().size(); i++) {
      memory.sawStored(tip.mediaSha256().get(i), tip.mediaStoredAs().get(i));
    }
    boolean junkLike = false;
    for (MediaPart p : attempt.parts()) {
      List<PdqHash> wholes = p.noted(WHOLE);
      junkLike |= p.noted(JUNK) != null;
      if (wholes != null && !wholes.isEmpty()) {
        String group = p.noted(GROUP);
        witnesses.add(wholes, group != null ? group : tip.tipId(), group != null);
        if (group != null) {
          context.witnesses().joined(tip.tipId(), group); // shown to the reviewers
        }
      }
    }
    return junkLike ? Decision.prioritise(-settings.penalty()) : Decision.admit();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("hashed", hashed.get(), "unhashable", unhashable.get(), "skipped", skipped.get(),
        "pending", pending.get(), "matchedJunk", matched.get(), "witnessesGrouped", witnesses.grouped(),
        "junkPdqHashes", memory.junkPdq().size());
  }
}
