package dev.tipflood.server.defence.triage.duplicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The SHA-256 digests of media already stored, each with the first tip that stored it and its
 * stored name; bounded (least recently used out), so a duplicate of media stored long ago may
 * pass as new. Thread-safe.
 */
public final class StoredDigests {
  /** Where media with a digest were first stored: by tip {@code tipId}, as {@code storedAs}. */
  public record Copy(String tipId, String storedAs) {}

  private final Cache<String, Copy> firstTip;

  public StoredDigests(long maxDigests) {
    this.firstTip = Caffeine.newBuilder().maximumSize(maxDigests).executor(Runnable::run).build();
  }

  /** The first stored copy of media with this digest, or null. */
  public Copy firstCopyOf(String sha256) {
    return firstTip.getIfPresent(sha256);
  }

  /** Records a stored digest, unless an earlier tip already holds it. */
  public void stored(String sha256, String tipId, String storedAs) {
    firstTip.asMap().putIfAbsent(sha256, new Copy(tipId, storedAs));
  }

  public long size() {
    return firstTip.estimatedSize();
  }
}
