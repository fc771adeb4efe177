package dev.tipflood.server.defence.triage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.media.pdq.PdqBlocklist;
import dev.tipflood.server.media.pdq.PdqFrameSampler;
import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImageException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Function;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.review.VerdictListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What triage has learned, and may learn only from reviewers' verdicts (never from the load
 * generator's truth): the SHA-256 of media a reviewer judged junk, its pictures in the PDQ junk
 * blocklist ({@link PdqBlocklist}: whole, centre crops and top half of each sampled frame, so
 * cropped and captioned re-uploads match too), and the decayed junk count of the devices and
 * addresses that sent it. Triage defences write what they saw of each stored tip (its client,
 * where its media is stored) so a later verdict on the tip can be turned into blocklist entries
 * and reputation; the junk pictures are decoded and hashed on the triage worker, never on the
 * model's thread. Shared by the triage defences and kept across a defence's re-tuning. Every map
 * is bounded. Thread-safe.
 *
 * <pre>{@code
 * ReviewerMemory memory = new ReviewerMemory(clock, ReviewerMemory.Limits.DEFAULT, worker, mediaStore::resolve);
 * pipeline.subscribe(memory);                       // reviewers' verdicts feed it
 * memory.sawTip(tipId, device, address);            // a triage defence, after durability
 * memory.sawStored(sha256, storedAs);
 * boolean junk = memory.isJunkSha256(sha);
 * }</pre>
 */
public final class ReviewerMemory implements VerdictListener {

  /**
   * @param maxHashes the most junk SHA-256 digests, and the most media remembered per digest
   * @param maxTips the most stored tips whose client is remembered until their verdict
   * @param maxClients the most client keys with a reputation
   * @param reputationHalfLife how fast a junk verdict is forgiven
   * @param frames frames of a junk GIF or video listed in the blocklist
   */
  public record Limits(long maxHashes, long maxTips, long maxClients, Duration reputationHalfLife, int frames) {
    public static final Limits DEFAULT = new Limits(1_000_000, 500_000, 200_000, Duration.ofMinutes(30), 3);
  }

  private record Client(String device, String address) {}

  private final Cache<String, Boolean> junkSha256;
  private final Cache<String, Client> tipClients;
  private final Cache<String, String> storedAs;
  private final PdqBlocklist junkPdq = new PdqBlocklist();
  private final ClientReputation reputation;
  private final Executor cpu;
  private final Function<String, Path> mediaFile;
  private final PdqFrameSampler sampler;
  private final PdqHasher hasher = new PdqHasher();
  private final AtomicLong junkVerdicts = new AtomicLong();
  private final AtomicLong junkPictures = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong seeded = new AtomicLong();

  /**
   * @param cpu decodes and hashes junk pictures (a worker pool; the caller's thread in a unit test)
   * @param mediaFile where a stored medium's file is, from its stored name
   */
  public ReviewerMemory(NanoClock clock, Limits limits, Executor cpu, Function<String, Path> mediaFile) {
    this.junkSha256 = Caffeine.newBuilder().maximumSize(limits.maxHashes()).executor(Runnable::run).build();
    this.tipClients = Caffeine.newBuilder().maximumSize(limits.maxTips()).executor(Runnable::run).build();
    this.storedAs = Caffeine.newBuilder().maximumSize(limits.maxHashes()).executor(Runnable::run).build();
    this.reputation = new ClientReputation(clock, limits.reputationHalfLife(), limits.maxClients());
    this.cpu = cpu;
    this.mediaFile = mediaFile;
    this.sampler = new PdqFrameSampler(limits.frames());
  }

  /**
   * A stored tip, as triage saw it: whom its verdict will count against. {@code address} is empty
   * when unknown (a tip ranked on its text alone): a junk verdict then counts against its device only.
   */
  public void sawTip(String tipId, String device, String address) {
    tipClients.put(tipId, new Client(device, address));
  }

  /** Where a stored medium is, so a junk verdict on its tip can list its pictures in the PDQ blocklist. */
  public void sawStored(String sha256, String storedName) {
    storedAs.asMap().putIfAbsent(sha256, storedName);
  }

  @Override
  public void onVerdict(Verdict verdict) {
    if (verdict.label() != Label.JUNK) {
      return;
    }
    junkVerdicts.incrementAndGet();
    for (String sha : verdict.mediaSha256()) {
      boolean known = junkSha256.asMap().putIfAbsent(sha, Boolean.TRUE) != null;
      String name = storedAs.getIfPresent(sha);
      if (!known && name != null) {
        cpu.execute(() -> listPictures(name));
      }
    }
    Client c = tipClients.getIfPresent(verdict.tipId());
    if (c != null) {
      reputation.junk("device:" + c.device());
      if (!c.address().isEmpty()) { // empty: unknown (a tip ranked on its text alone)
        reputation.junk("address:" + c.address());
      }
    }
  }

  /** On the worker: a junk medium's sampled frames join the blocklist under all their views. */
  private void listPictures(String name) {
    try {
      for (BufferedImage frame : sampler.sample(mediaFile.apply(name))) {
        junkPdq.addVerdict(hasher, frame, junkPictures.incrementAndGet());
      }
    } catch (PdqImageException e) {
      // Not a picture PDQ can read (an MP4, a damaged file): its SHA-256 is still listed.
      unreadable.incrementAndGet();
    }
  }

  /** Ops seed the blocklist with known junk ({@code --blocklist FILE}, the admin endpoint). */
  public void blockPdq(PdqHash hash) {
    junkPdq.addHash(hash, -seeded.incrementAndGet());
  }

  public boolean isJunkSha256(String sha256) {
    return junkSha256.getIfPresent(sha256) != null;
  }

  /** The junk PDQ blocklist: reviewer-confirmed pictures and seeded hashes. */
  public PdqBlocklist junkPdq() {
    return junkPdq;
  }

  public double deviceJunk(String device) {
    return reputation.junkCount("device:" + device);
  }

  public double addressJunk(String address) {
    return reputation.junkCount("address:" + address);
  }

  /** Figures for the admin listing. */
  public Map<String, Object> state() {
    return Map.of("junkVerdicts", junkVerdicts.get(), "junkSha256", junkSha256.estimatedSize(),
        "junkPictures", junkPictures.get(), "junkPdqHashes", junkPdq.size(), "unreadableJunk", unreadable.get(),
        "seededPdq", seeded.get(), "clientsWithReputation", reputation.size());
  }
}
