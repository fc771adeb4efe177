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
import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqImageException;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.media.pdq.PdqResult;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Near duplicates of known junk, with PDQ: once a part is complete it is decoded and hashed on
 * the triage worker (a photo, a GIF's first frame, sampled frames of an AVI); hashes of quality
 * below {@code minQuality} are ignored; a hash within {@code maxDistance} bits of the junk
 * blocklist (fed by reviewers' junk verdicts, and by ops) refuses the part
 * ({@code 422 media_known_junk}) or, per profile, down-ranks the tip. Resemblance to other tips
 * that nobody judged junk only groups them ({@link WitnessGroups}).
 *
 * <pre>{@code
 * Defence pdq = new PdqBlocklist(new PdqBlocklist.Settings(true, 40, 31, 50, 3, 64L << 20, 200_000, 32), context);
 * }</pre>
 */
public final class PdqBlocklist implements Defence {
  static final String HASHES = "pdq.hashes";
  static final String GROUP = "pdq.group";

  /**
   * @param reject refuse a match (else down-rank by {@code penalty})
   * @param penalty review priority taken off a tip with a match, when not refused
   * @param maxDistance the most differing bits of a match (PDQ's 31)
   * @param minQuality hashes below this quality are ignored (PDQ's 50)
   * @param frames frames sampled from a video
   * @param maxPixels the largest picture decoded for hashing
   * @param witnessHashes recent hashes kept per generation for witness grouping
   * @param maxPending the most parts waiting to be hashed; beyond it a part is not hashed (counted
   *     {@code skipped}), so a flood cannot queue unbounded work in front of every upload's answer
   */
  public record Settings(boolean reject, int penalty, int maxDistance, int minQuality, int frames, long maxPixels,
      int witnessHashes, int maxPending) {}

  private final Settings settings;
  private final TriageContext context;
  private final ReviewerMemory memory;
  private final FrameSampler sampler;
  private final WitnessGroups witnesses;
  private final AtomicLong hashed = new AtomicLong();
  private final AtomicLong unhashable = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

  public PdqBlocklist(Settings settings, TriageContext context) {
    this.settings = settings;
    this.context = context;
    this.memory = context.memory();
    this.sampler = new FrameSampler(settings.frames(), settings.maxPixels());
    this.witnesses = new WitnessGroups(settings.witnessHashes(), settings.maxDistance());
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
    if (point != Point.MEDIA_END || part == null || part.file() == null) {
      return Decision.admit();
    }
    String type = part.sniffedType() != null ? part.sniffedType() : part.declaredType();
    if (!FrameSampler.hashable(type)) {
      return Decision.admit();
    }
    if (pending.incrementAndGet() > settings.maxPending()) {
      pending.decrementAndGet();
      skipped.incrementAndGet();
      return Decision.admit();
    }
    Ticket ticket = new Ticket(0);
    context.cpu().execute(() -> {
      Decision d = judge(part, type);
      pending.decrementAndGet();
      ticket.settle(d);
    });
    return new Decision.Queued(ticket);
  }

  /** On the worker: hash, look up the blocklist, then the witnesses. Always settles. */
  private Decision judge(MediaPart part, String type) {
    List<PdqHash> usable;
    try {
      usable = sampler.hash(part.file(), type).stream().filter(r -> r.quality() >= settings.minQuality())
          .map(PdqResult::hash).toList();
      hashed.incrementAndGet();
    } catch (PdqImageException | UncheckedIOException e) {
      // Not decodable as a picture: the type checks judge the bytes; this defence has nothing to say.
      unhashable.incrementAndGet();
      return Decision.admit();
    }
    part.note(HASHES, usable);
    for (PdqHash h : usable) {
      List<PdqIndex.Match> hits = memory.junkPdq().query(h, settings.maxDistance());
      if (!hits.isEmpty()) {
        matched.incrementAndGet();
        part.note("pdq.junk", Boolean.TRUE);
        if (settings.reject()) {
          return Decision.reject(Reason.MEDIA_KNOWN_JUNK, 0, "media part '" + part.filename() + "' is within "
              + hits.get(0).distance() + " bits (PDQ) of media reviewers judged junk");
        }
        return Decision.admit();
      }
    }
    String group = witnesses.groupOf(usable);
    if (group != null) {
      part.note(GROUP, group);
    }
    return Decision.admit();
  }

  private Decision durable(Attempt attempt) {
    TipFacts tip = attempt.tip();
    if (tip == null) {
      return Decision.admit();
    }
    boolean junkLike = false;
    for (MediaPart p : attempt.parts()) {
      List<PdqHash> hashes = p.noted(HASHES);
      if (hashes == null || p.sha256() == null) {
        continue;
      }
      memory.sawMedia(p.sha256(), hashes);
      String group = p.noted(GROUP);
      junkLike |= p.noted("pdq.junk") != null;
      witnesses.add(hashes, group != null ? group : tip.tipId(), group != null);
    }
    return junkLike ? Decision.prioritise(-settings.penalty()) : Decision.admit();
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("hashed", hashed.get(), "unhashable", unhashable.get(), "skipped", skipped.get(),
        "pending", pending.get(), "matchedJunk", matched.get(), "witnessesGrouped", witnesses.grouped(),
        "junkPdq", memory.junkPdq().size());
  }
}
