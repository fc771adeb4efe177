package dev.tipflood.server.defence.triage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.media.pdq.PdqHash;
import dev.tipflood.server.media.pdq.PdqIndex;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.review.VerdictListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What triage has learned, and may learn only from reviewers' verdicts (never from the load
 * generator's truth): the SHA-256 and PDQ hashes of media a reviewer judged junk, and the decayed
 * junk count of the devices and addresses that sent it. Triage defences write what they saw of
 * each stored tip (its client, its media's PDQ hashes) so a later verdict on the tip can be
 * turned into blocklist entries and reputation. Shared by the triage defences and kept across a
 * defence's re-tuning. Every map is bounded. Thread-safe.
 *
 * <pre>{@code
 * ReviewerMemory memory = new ReviewerMemory(clock, ReviewerMemory.Limits.DEFAULT);
 * pipeline.subscribe(memory);                       // reviewers' verdicts feed it
 * memory.sawTip(tipId, device, address, sha256s);   // a triage defence, after durability
 * boolean junk = memory.isJunkSha256(sha);
 * }</pre>
 */
public final class ReviewerMemory implements VerdictListener {

  /**
   * @param maxHashes the most junk SHA-256 digests, and the most media remembered per digest
   * @param maxTips the most stored tips whose client is remembered until their verdict
   * @param maxClients the most client keys with a reputation
   * @param reputationHalfLife how fast a junk verdict is forgiven
   */
  public record Limits(long maxHashes, long maxTips, long maxClients, Duration reputationHalfLife) {
    public static final Limits DEFAULT = new Limits(1_000_000, 500_000, 200_000, Duration.ofMinutes(30));
  }

  private record Client(String device, String address) {}

  private final Cache<String, Boolean> junkSha256;
  private final Cache<String, Client> tipClients;
  private final Cache<String, List<PdqHash>> pdqBySha256;
  private final PdqIndex junkPdq = new PdqIndex();
  private final ClientReputation reputation;
  private final AtomicLong junkVerdicts = new AtomicLong();
  private final AtomicLong seeded = new AtomicLong();

  public ReviewerMemory(NanoClock clock, Limits limits) {
    this.junkSha256 = Caffeine.newBuilder().maximumSize(limits.maxHashes()).executor(Runnable::run).build();
    this.tipClients = Caffeine.newBuilder().maximumSize(limits.maxTips()).executor(Runnable::run).build();
    this.pdqBySha256 = Caffeine.newBuilder().maximumSize(limits.maxHashes()).executor(Runnable::run).build();
    this.reputation = new ClientReputation(clock, limits.reputationHalfLife(), limits.maxClients());
  }

  /** A stored tip, as triage saw it: whom its verdict will count against, and which media it holds. */
  public void sawTip(String tipId, String device, String address) {
    tipClients.put(tipId, new Client(device, address));
  }

  /** The PDQ hashes of a stored medium, so a junk verdict on its tip can blocklist them. */
  public void sawMedia(String sha256, List<PdqHash> hashes) {
    if (!hashes.isEmpty()) {
      pdqBySha256.put(sha256, List.copyOf(hashes));
    }
  }

  @Override
  public void onVerdict(Verdict verdict) {
    if (verdict.label() != Label.JUNK) {
      return;
    }
    junkVerdicts.incrementAndGet();
    for (String sha : verdict.mediaSha256()) {
      junkSha256.put(sha, Boolean.TRUE);
      List<PdqHash> hashes = pdqBySha256.getIfPresent(sha);
      if (hashes != null) {
        hashes.forEach(h -> junkPdq.add(h, 0));
      }
    }
    Client c = tipClients.getIfPresent(verdict.tipId());
    if (c != null) {
      reputation.junk("device:" + c.device());
      reputation.junk("address:" + c.address());
    }
  }

  /** Ops seed the blocklist with known junk ({@code --blocklist FILE}, the admin endpoint). */
  public void blockPdq(PdqHash hash) {
    junkPdq.add(hash, 1);
    seeded.incrementAndGet();
  }

  public boolean isJunkSha256(String sha256) {
    return junkSha256.getIfPresent(sha256) != null;
  }

  /** The junk PDQ blocklist: reviewer-confirmed and seeded hashes. */
  public PdqIndex junkPdq() {
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
        "junkPdq", junkPdq.size(), "seededPdq", seeded.get(), "clientsWithReputation", reputation.size());
  }
}
